UNWIND $ids AS id
MATCH (p:Paper {id: id})<-[:PRESENTS]-(t:Talk)
RETURN id, t {.*, __type: 'Talk'} AS talk
ORDER BY t.dayNumber, t.order
