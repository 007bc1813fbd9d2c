UNWIND $rows AS row
MERGE (t:Talk {id: row.props.id})
SET t = row.props, t:Work:Entity
WITH t, row
MATCH (d:Day {id: row.day})
MERGE (t)-[r:ON_DAY]->(d)
SET r.pack = $pack
WITH t, row
OPTIONAL MATCH (s:Session {id: row.session})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END |
  MERGE (t)-[r:IN_SESSION]->(s) SET r.pack = $pack)
