// The related-work lists of the seed works $ids: each seed as the work a result names (the talk
// presenting a paper), whether its list is fresh (computed for its current epoch), when it was
// computed, and its works' ids best first (similarity/write-lists.cypher).
MATCH (seed:Work) WHERE seed.id IN $ids
WITH DISTINCT coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(seed) RETURN talk ORDER BY talk.id LIMIT 1 }[0], seed) AS owner
OPTIONAL MATCH (owner)-[:HAS_SIMILAR]->(list:SimilarList)
RETURN owner.id AS id,
       list IS NOT NULL AND owner.similarAt IS NOT NULL AND coalesce(owner.similarEpoch, 0) = coalesce(owner.similarBuiltEpoch, -1) AS fresh,
       owner.similarAt AS computedAt,
       coalesce(list.ids, []) AS ids
