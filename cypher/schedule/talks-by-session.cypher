UNWIND $ids AS id
MATCH (s:Session {id: id})<-[:IN_SESSION]-(t:Talk)
RETURN id, t {.*, __type: 'Talk'} AS talk
ORDER BY t.order
