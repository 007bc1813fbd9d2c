UNWIND $ids AS id
MATCH (e:Event {id: id})-[:HAS_DAY]->(d:Day)
RETURN id, d {.*, __type: 'Day'} AS day
ORDER BY d.number
