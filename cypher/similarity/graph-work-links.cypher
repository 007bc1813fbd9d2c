// What related-work.cypher reads of each work besides its concepts, sessions and people, for the
// lists computed in memory (src/graph/similarity-graph.ts): the first talk presenting it (by id),
// the works it is one work with (PRESENTS, either way), its references to other works (type and
// target, one entry per relationship) and the works it is PART_OF.
MATCH (w:Work)
RETURN w.id AS id,
       COLLECT { MATCH (t:Talk)-[:PRESENTS]->(w) RETURN t.id ORDER BY t.id LIMIT 1 } AS presenter,
       [(w)-[:PRESENTS]-(x:Work) | x.id] AS twins,
       [(w)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]->(x:Work) | type(r)] AS referenceTypes,
       [(w)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]->(x:Work) | x.id] AS referenceTargets,
       [(w)-[:PART_OF]->(x:Work) | x.id] AS partOf
