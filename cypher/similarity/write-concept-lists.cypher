// Stores the related-to-concept lists computed by src/graph/concept-lists.ts as the work lists are
// stored (similarity/write-lists.cypher): the top works' ids best first and their scores on a
// :SimilarList node beside the concept (HAS_SIMILAR), and on the concept when (similarAt, epoch ms)
// and for which epoch (similarBuiltEpoch) they were computed. A list is fresh while the concept's
// similarEpoch is still that epoch: similarity/mark-stale-concepts.cypher moves it on.
UNWIND $lists AS list
MATCH (c:Concept {id: list.id})
SET c.similarAt = $at, c.similarBuiltEpoch = list.epoch
MERGE (c)-[:HAS_SIMILAR]->(l:SimilarList)
SET l.ids = list.ids, l.scores = list.scores
RETURN count(c) AS written
