// The concept $key names (its id, or a lowercased name or alias; the one related-to-concept.cypher
// picks) and its related-to-concept list: whether it is fresh (computed for its current epoch),
// when it was computed, and its works' ids best first (similarity/write-concept-lists.cypher).
MATCH (c:Concept) WHERE c.id = $key OR $key IN c.keys
WITH c LIMIT 1
OPTIONAL MATCH (c)-[:HAS_SIMILAR]->(list:SimilarList)
RETURN c.id AS id,
       list IS NOT NULL AND c.similarAt IS NOT NULL AND coalesce(c.similarEpoch, 0) = coalesce(c.similarBuiltEpoch, -1) AS fresh,
       c.similarAt AS computedAt,
       coalesce(list.ids, []) AS ids
