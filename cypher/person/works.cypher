// A page of the works of each person, with the total. One page size for the batch.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id,
  COUNT { (p)-[:CONTRIBUTED_TO]->(:Work) } AS total,
  COLLECT {
    MATCH (p)-[r:CONTRIBUTED_TO]->(w:Work)
    RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS w
    ORDER BY w.year DESC, w.dayNumber, w.order, w.title
    SKIP $offset LIMIT $limit
  } AS items
