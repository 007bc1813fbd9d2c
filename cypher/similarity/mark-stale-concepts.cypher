// After a write that touched $ids (works, concepts, people or sessions), once lists are in use
// (a SimilarityBuild node exists): every related-to-concept list the write can have changed moves
// to a new epoch, so it is no longer served until it is computed again. From
// related/related-to-concept.cypher, concept C's ranking reads: the works discussing C; the works
// discussing a concept N that is BROADER or RELATED_TO C, either way, with N's degree (hub
// damping); the works at the other end of a reference edge of a work D discussing C, with C's
// degree; each result as the work it names (the first talk presenting a paper), and titles to
// break ties. So a write can change the list of:
//   - each touched concept and its RELATED_TO/BROADER neighbours (its links, its degree);
//   - each concept a touched work, or the work it is one with (PRESENTS, either way), discusses,
//     and those concepts' neighbours (the work is a result of theirs, or its links moved their
//     degree);
//   - each concept discussed by a work at the other end of a reference edge
//     (FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES) of such a work
//     (REFERENCE_OF_DISCUSSING_WORK: the work is a result of theirs through that edge).
// People and sessions give the concept ranking nothing. The statement runs after the write: a
// write that removes a link names the concept it leaves among $ids (curation's targets do, a pack
// load names its concepts), and a merged concept's links have moved to the one kept.
MATCH (t:Entity) WHERE t.id IN $ids AND EXISTS { MATCH (:SimilarityBuild) }
CALL (t) {
  WITH t WHERE t:Concept
  MATCH (t)-[:RELATED_TO|BROADER*0..1]-(c:Concept) RETURN c
  UNION
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS*0..1]-(:Work)-[:DISCUSSES]->(:Concept)-[:RELATED_TO|BROADER*0..1]-(c:Concept) RETURN c
  UNION
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS*0..1]-(:Work)-[:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(:Work)-[:DISCUSSES]->(c:Concept) RETURN c
}
WITH DISTINCT c
SET c.similarEpoch = coalesce(c.similarEpoch, 0) + 1
RETURN count(c) AS marked
