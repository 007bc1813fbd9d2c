UNWIND $ids AS id
MATCH (s:Session {id: id})<-[:HAS_SESSION]-(d:Day)
RETURN id, d {.*, __type: 'Day'} AS day
