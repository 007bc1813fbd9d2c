// The works, for the related-work lists computed in memory (src/graph/similarity-graph.ts), in
// the order related-work.cypher breaks equal scores in: by title, then id.
MATCH (w:Work)
WITH w ORDER BY w.title, w.id
RETURN w.id AS id, w:Talk AS talk, w:Paper AS paper
