// The sessions, for the related-work lists computed in memory (src/graph/similarity-graph.ts):
// each one's degree as related-work.cypher counts it and the works in it.
MATCH (s:Session)
RETURN COUNT { (s)<-[:IN_SESSION]-() } AS degree,
       [(s)<-[:IN_SESSION]-(w:Work) | w.id] AS works
