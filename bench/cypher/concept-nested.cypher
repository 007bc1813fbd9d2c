// The floor for the 3-level query: a concept by name or alias ($key, lowercased), its first 10
// works in the API's order, and their people and concepts, in one hand-written statement.
MATCH (c:Concept) WHERE $key IN c.keys
WITH c LIMIT 1
RETURN c.name AS name, COLLECT {
  MATCH (c)<-[:DISCUSSES]-(w:Work)
  WITH w ORDER BY w.year DESC, w.dayNumber, w.order, w.title LIMIT 10
  RETURN w {
    .title,
    people: COLLECT { MATCH (w)<-[r:CONTRIBUTED_TO]-(p:Person) WHERE r.role <> 'MENTIONED' RETURN DISTINCT p.name },
    concepts: COLLECT { MATCH (w)-[:DISCUSSES]->(k:Concept) RETURN k.name }
  }
} AS works
