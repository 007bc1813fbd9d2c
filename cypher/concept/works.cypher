// A page of the works that discuss each concept, with the total. One page size for the batch.
UNWIND $ids AS id
MATCH (c:Concept {id: id})
RETURN id,
  COUNT { (c)<-[:DISCUSSES]-(:Work) } AS total,
  COLLECT {
    MATCH (c)<-[:DISCUSSES]-(w:Work)
    RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS w
    ORDER BY w.year DESC, w.dayNumber, w.order, w.title
    SKIP $offset LIMIT $limit
  } AS items
