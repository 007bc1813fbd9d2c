// Works whose text is close in meaning to the text of any of $ids (works or concepts), under
// $model: for each, the closest of $ids and the cosine similarity (at least $atLeast). The ids,
// the works a seed presents or is presented by, and $exclude are never returned. A paper presented
// by a talk is returned as that talk (`matched`: the node whose text was close).
MATCH (seed:Entity) WHERE seed.id IN $ids
OPTIONAL MATCH (seed)-[:PRESENTS]-(twin:Work)
WITH collect(DISTINCT seed.id) + collect(DISTINCT twin.id) + $exclude AS skip
UNWIND $ids AS id
MATCH (e:Embedding {id: id})-[:EMBEDS]->(seed)
WHERE e.model = $model
CALL db.index.vector.queryNodes('embedding_vector', $scan, e.vector) YIELD node AS other, score
WITH skip, seed, other, 2 * score - 1 AS similarity
WHERE other.model = $model AND other.kind IN ['Talk', 'Paper'] AND NOT other.id IN skip AND similarity >= $atLeast
MATCH (other)-[:EMBEDS]->(matched)
// A paper presented by a talk is that talk's work: one result for both, by the closer text.
WITH skip, seed, similarity, other, matched,
     coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(matched) RETURN talk ORDER BY talk.id LIMIT 1 }[0], matched) AS w
WHERE NOT w.id IN skip
WITH w, similarity, seed, other, matched
ORDER BY similarity DESC
WITH w, head(collect({similarity: similarity, seed: seed, kind: other.kind, matched: matched})) AS best
ORDER BY best.similarity DESC
LIMIT $limit
WITH w, best.similarity AS similarity, best.seed AS s, best.matched AS m, best.kind AS kind
RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS work, m {.*, __type: kind} AS matched, similarity,
       s {.*, __type: head([l IN labels(s) WHERE l IN ['Talk', 'Paper', 'Concept']])} AS seed
