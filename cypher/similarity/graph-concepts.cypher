// The concepts, for the lists computed in memory (src/graph/similarity-graph.ts), in id order
// (related-work.cypher picks a seed's neighbouring concepts by degree, then id): each one's degree
// as the ranking statements count it (every DISCUSSES relationship into it), the works discussing
// it, and its neighbouring concepts one entry per relationship, by how they are linked: narrower
// ((n)-[:BROADER]->(c)), broader ((c)-[:BROADER]->(n)) and related (RELATED_TO, either way).
// related-work.cypher takes the three as one; related-to-concept weighs each its own way.
MATCH (c:Concept)
WITH c ORDER BY c.id
RETURN c.id AS id,
       COUNT { (c)<-[:DISCUSSES]-() } AS degree,
       [(c)<-[:DISCUSSES]-(w:Work) | w.id] AS works,
       [(c)<-[:BROADER]-(n:Concept) | n.id] AS narrower,
       [(c)-[:BROADER]->(n:Concept) | n.id] AS broader,
       [(c)-[:RELATED_TO]-(n:Concept) | n.id] AS related
