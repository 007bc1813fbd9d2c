UNWIND $ids AS id
MATCH (d:Day {id: id})<-[:ON_DAY]-(t:Talk)
RETURN id, t {.*, __type: 'Talk'} AS talk
ORDER BY t.order
