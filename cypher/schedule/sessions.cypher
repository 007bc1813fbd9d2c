UNWIND $ids AS id
MATCH (d:Day {id: id})-[:HAS_SESSION]->(s:Session)
RETURN id, s {.*, __type: 'Session'} AS session
ORDER BY s.order
