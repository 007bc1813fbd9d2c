// $rows: [{id, titleKey} or {id, nameKey}]: sets the folded title or name computed by the import.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.keys
