// The concept $key names (its id, or a lowercased name or alias; the one related-to-concept.cypher
// picks) and its related-to-concept list: whether it is fresh (computed for its current epoch),
// when it was computed, and its works' ids best first (similarity/write-concept-lists.cypher).
CALL () {
  MATCH (c:Entity {id: $key}) WHERE c:Concept
  RETURN c, 0 AS byName
  UNION
  CALL db.index.fulltext.queryNodes('name_keys', '"' + replace(replace($key, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS c
  WITH c WHERE c:Concept AND $key IN c.keys
  RETURN c, 1 AS byName
}
WITH c ORDER BY byName LIMIT 1
OPTIONAL MATCH (c)-[:HAS_SIMILAR]->(list:SimilarList)
RETURN c.id AS id,
       list IS NOT NULL AND c.similarAt IS NOT NULL AND coalesce(c.similarEpoch, 0) = coalesce(c.similarBuiltEpoch, -1) AS fresh,
       c.similarAt AS computedAt,
       coalesce(list.ids, []) AS ids
