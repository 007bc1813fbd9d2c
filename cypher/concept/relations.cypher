// The neighbours of each concept: broader, narrower and related (in either direction).
UNWIND $ids AS id
MATCH (c:Concept {id: id})
RETURN id,
  COLLECT { MATCH (c)-[:BROADER]->(b:Concept) RETURN b {.*, __type: 'Concept'} AS b ORDER BY b.name } AS broader,
  COLLECT { MATCH (c)<-[:BROADER]-(n:Concept) RETURN n {.*, __type: 'Concept'} AS n ORDER BY n.name } AS narrower,
  COLLECT { MATCH (c)-[:RELATED_TO]-(r:Concept) RETURN DISTINCT r {.*, __type: 'Concept'} AS r ORDER BY r.name } AS related
