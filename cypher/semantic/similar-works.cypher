// Works whose text is close in meaning to the text of any of $ids (works or concepts), under
// $model: for each, the closest of $ids and the cosine similarity (at least $atLeast). The ids,
// the works a seed presents or is presented by, and $exclude are never returned.
MATCH (seed:Entity) WHERE seed.id IN $ids
OPTIONAL MATCH (seed)-[:PRESENTS]-(twin:Work)
WITH collect(DISTINCT seed.id) + collect(DISTINCT twin.id) + $exclude AS skip
UNWIND $ids AS id
MATCH (e:Embedding {id: id})-[:EMBEDS]->(seed)
WHERE e.model = $model
CALL db.index.vector.queryNodes('embedding_vector', $scan, e.vector) YIELD node AS other, score
WITH skip, seed, other, 2 * score - 1 AS similarity
WHERE other.model = $model AND other.kind IN ['Talk', 'Paper'] AND NOT other.id IN skip AND similarity >= $atLeast
WITH other, similarity, seed
ORDER BY similarity DESC
WITH other, head(collect({similarity: similarity, seed: seed})) AS best
ORDER BY best.similarity DESC
LIMIT $limit
MATCH (other)-[:EMBEDS]->(w)
WITH w, other, best.similarity AS similarity, best.seed AS s
RETURN w {.*, __type: other.kind} AS work, similarity, s {.*, __type: head([l IN labels(s) WHERE l IN ['Talk', 'Paper', 'Concept']])} AS seed
