// Stores the related-work lists computed by src/graph/similarity.ts: for each work, its results'
// ids and scores, best first, as two list properties of one :SimilarList node beside the work
// (HAS_SIMILAR), replacing the ones before, and when (similarAt, epoch ms) and for which epoch
// (similarBuiltEpoch) they were computed, and the last concept change number there was when they
// were (similarChangeSeen, $seen). A list is fresh while its work's similarEpoch is still that
// epoch and no concept it reads has changed since (similarity/lists.cypher):
// similarity/mark-stale.cypher moves the epoch on, and labels the work SimilarDue until a list
// for its new epoch is stored. Kept on a node of its own, as embeddings
// are, so that the work's own properties (every `work {.*}` an answer reads) stay small; and as
// two properties, not a relationship per result, so that storing a list writes one record chain
// instead of fifty relationships (bench/RESULTS.md compares the two).
UNWIND $lists AS list
MATCH (w:Work {id: list.id})
SET w.similarAt = $at, w.similarBuiltEpoch = list.epoch, w.similarChangeSeen = $seen
// No longer due, unless a write since the list was computed has moved the epoch on.
FOREACH (fresh IN CASE WHEN coalesce(w.similarEpoch, 0) = list.epoch THEN [w] ELSE [] END | REMOVE fresh:SimilarDue)
MERGE (w)-[:HAS_SIMILAR]->(l:SimilarList)
WITH l, list
// A list equal to the stored one is left as it is: rebuilding an unchanged graph rewrites nothing.
WHERE l.ids IS NULL OR l.ids <> list.ids OR l.scores <> list.scores
SET l.ids = list.ids, l.scores = list.scores
RETURN count(l) AS rewritten
