UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
SET c = row, c:Entity
