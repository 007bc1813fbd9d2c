UNWIND $rows AS row
MERGE (d:Day {id: row.props.id})
SET d = row.props, d:Entity
WITH d, row
MATCH (e:Event {id: row.event})
MERGE (e)-[r:HAS_DAY]->(d)
SET r.pack = $pack
