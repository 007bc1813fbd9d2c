UNWIND $rows AS row
MERGE (s:Session {id: row.props.id})
SET s = row.props, s:Entity
WITH s, row
MATCH (d:Day {id: row.day})
MERGE (d)-[r:HAS_SESSION]->(s)
SET r.pack = $pack
