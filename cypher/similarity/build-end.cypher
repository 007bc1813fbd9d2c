// Records that the full rebuild started by similarity/build-begin.cypher finished.
MATCH (b:SimilarityBuild {id: 'rebuild'})
SET b.finished = true, b.finishedAt = $now
