// How many works the graph holds (from Neo4j's count store: no scan), to choose how the
// related-work lists are computed (src/graph/similarity.ts).
MATCH (w:Work)
RETURN count(w) AS n
