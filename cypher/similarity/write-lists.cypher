// Stores the related-work lists computed by src/graph/similarity.ts: for each work, its top
// results as SIMILAR relationships {score, rank}, replacing the ones before, and when (similarAt,
// epoch ms) and for which epoch (similarBuiltEpoch) they were computed. A list is fresh while its
// work's similarEpoch is still that epoch: similarity/mark-stale.cypher moves it on. A list equal
// to the stored one (the same works with the same scores, in the same order) keeps its
// relationships, so rebuilding the lists of an unchanged graph rewrites none of them.
UNWIND $lists AS list
MATCH (w:Work {id: list.id})
SET w.similarAt = $at, w.similarBuiltEpoch = list.epoch
WITH w, list
WHERE COLLECT { MATCH (w)-[s:SIMILAR]->(other:Work) RETURN {id: other.id, score: s.score} ORDER BY s.rank } <> list.items
CALL (w) {
  MATCH (w)-[old:SIMILAR]->()
  DELETE old
}
WITH w, list
CALL (w, list) {
  UNWIND range(0, size(list.items) - 1) AS rank
  WITH rank, list.items[rank] AS item
  MATCH (other:Work {id: item.id})
  CREATE (w)-[:SIMILAR {score: item.score, rank: rank + 1}]->(other)
}
RETURN count(DISTINCT w) AS rewritten
