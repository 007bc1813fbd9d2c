// Labels the talks, papers and concepts among $ids EmbeddingDue: a change may have altered the text
// they are embedded from, so the refresh after it (src/embed/store.ts) reads them again, and only
// them, instead of every text in the graph.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n:Talk OR n:Paper OR n:Concept
SET n:EmbeddingDue
RETURN count(n) AS marked
