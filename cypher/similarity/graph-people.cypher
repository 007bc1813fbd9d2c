// The people, for the related-work lists computed in memory (src/graph/similarity-graph.ts): each
// one's degree as related-work.cypher counts it (every CONTRIBUTED_TO, mentions included) and the
// works they contributed to other than by a mention (a role that is not MENTIONED), those that
// can give a SHARED_PERSON reason. Only people with two such works or more: one relates nothing.
MATCH (p:Person)
WITH COUNT { (p)-[:CONTRIBUTED_TO]->() } AS degree,
     [(p)-[r:CONTRIBUTED_TO]->(w:Work) WHERE r.role <> 'MENTIONED' | w.id] AS works
WHERE size(works) > 1
RETURN degree, works
