// The talks, papers or concepts whose text is nearest in meaning to $vector, under $model, of the
// kinds in $kinds (empty: all). Neo4j's cosine score is (1 + cosine) / 2; similarity is the cosine.
// The index is asked for $scan candidates, since the kind and model are filtered afterwards.
CALL db.index.vector.queryNodes('embedding_vector', $scan, $vector) YIELD node AS e, score
WHERE e.model = $model AND (size($kinds) = 0 OR e.kind IN $kinds)
WITH e, 2 * score - 1 AS similarity
ORDER BY similarity DESC
LIMIT $limit
MATCH (e)-[:EMBEDS]->(n)
RETURN n {.*, __type: e.kind} AS node, similarity
