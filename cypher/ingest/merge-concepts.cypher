UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
// Every write increments the version a curator's expectedVersion is checked against (the SET
// reads it under the node's write lock); the pack's properties replace the rest.
SET c.version = coalesce(c.version, 0) + 1
WITH c, row, c.version AS version
SET c = row, c:Entity, c.version = version
