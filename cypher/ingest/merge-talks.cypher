UNWIND $rows AS row
MERGE (t:Talk {id: row.props.id})
// Every write increments the version a curator's expectedVersion is checked against (the SET
// reads it under the node's write lock); the pack's properties replace the rest.
SET t.version = coalesce(t.version, 0) + 1
WITH t, row, t.version AS version
SET t = row.props, t:Work:Entity, t.version = version
WITH t, row
MATCH (d:Day {id: row.day})
MERGE (t)-[r:ON_DAY]->(d)
SET r.pack = $pack
WITH t, row
OPTIONAL MATCH (s:Session {id: row.session})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END |
  MERGE (t)-[r:IN_SESSION]->(s) SET r.pack = $pack)
