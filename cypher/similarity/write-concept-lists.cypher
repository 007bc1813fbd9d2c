// Stores the related-to-concept lists computed by src/graph/concept-lists.ts, in a compact form on
// the concept: its top works' ids best first (similarIds) and their scores (similarScores), when
// (similarAt, epoch ms) and for which epoch (similarBuiltEpoch) they were computed. A list is fresh
// while the concept's similarEpoch is still that epoch: similarity/mark-stale-concepts.cypher
// moves it on.
UNWIND $lists AS list
MATCH (c:Concept {id: list.id})
SET c.similarIds = list.ids, c.similarScores = list.scores, c.similarAt = $at, c.similarBuiltEpoch = list.epoch
RETURN count(c) AS written
