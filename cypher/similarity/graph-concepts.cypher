// The concepts, for the related-work lists computed in memory (src/graph/similarity-graph.ts), in
// id order (related-work.cypher picks a seed's neighbouring concepts by degree, then id): each
// one's degree as related-work.cypher counts it (every DISCUSSES relationship into it), the works
// discussing it and its neighbouring concepts (RELATED_TO or BROADER, either way), one entry per
// relationship.
MATCH (c:Concept)
WITH c ORDER BY c.id
RETURN c.id AS id,
       COUNT { (c)<-[:DISCUSSES]-() } AS degree,
       [(c)<-[:DISCUSSES]-(w:Work) | w.id] AS works,
       [(c)-[:RELATED_TO|BROADER]-(n:Concept) | n.id] AS neighbours
