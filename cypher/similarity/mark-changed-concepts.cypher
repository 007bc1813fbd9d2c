// After a write that touched $ids (works, concepts, people or sessions), once lists are in use:
// the concepts through which it can change related-work lists far from what it touched, each
// given a new change number (similarChange, from SimilarityBuild.conceptChange) and labelled
// SimilarChanged. A work's list depends on its concepts and their RELATED_TO/BROADER neighbours
// (their works, their degrees, which of the neighbours are the rarest); a list records the
// highest change number there was when it was computed (similarChangeSeen), and
// similarity/lists.cypher serves it only while none of those concepts has a higher one. A concept
// of thousands of works can be a neighbour of hundreds of thousands of lists: marking them here
// would make a curation write at a million papers take seconds, so the next refresh marks them
// instead, a concept at a time (similarity/spread-changes.cypher). The concepts changed:
//   - each concept a touched work (or the work it is one with) discusses, when it has at most
//     $hubLimit + 1 works, unless $discussesKept (a curation that keeps the work's links and
//     title: the concept of a link it adds or removes is itself among $ids): the link may be new
//     or going, which changes the concept's degree and the works reached through it, and a new
//     title reorders ties in the lists reached through it (beyond that degree it gives no reason,
//     before or after the write);
//   - each touched concept of at most $hubLimit + 1 works, for the same reason;
//   - each concept of $relinked (a write that can have changed its RELATED_TO/BROADER links), of
//     any degree, and its neighbours when it has at most $hubLimit + 1 works: the neighbours it
//     gains or loses are read by its works' lists, and it by theirs.
// A write that removes a link runs this before it as well as after (as similarity/mark-stale.cypher).
MATCH (t:Entity) WHERE t.id IN $ids AND EXISTS { MATCH (:SimilarityBuild) }
CALL (t) {
  WITH t WHERE t:Work AND NOT $discussesKept
  MATCH (t)-[:PRESENTS*0..1]-(:Work)-[:DISCUSSES]->(c:Concept)
  WHERE COUNT { (c)<-[:DISCUSSES]-() } <= $hubLimit + 1
  RETURN c
  UNION
  WITH t WHERE t:Concept AND COUNT { (t)<-[:DISCUSSES]-() } <= $hubLimit + 1
  RETURN t AS c
  UNION
  WITH t WHERE t:Concept AND t.id IN $relinked
  RETURN t AS c
  UNION
  WITH t WHERE t:Concept AND t.id IN $relinked AND COUNT { (t)<-[:DISCUSSES]-() } <= $hubLimit + 1
  MATCH (t)-[:RELATED_TO|BROADER]-(c:Concept)
  RETURN c
}
WITH collect(DISTINCT c) AS changed
MATCH (b:SimilarityBuild {id: 'rebuild'}) WHERE size(changed) > 0
SET b.conceptChange = coalesce(b.conceptChange, 0) + 1
WITH b, changed
UNWIND changed AS c
SET c.similarChange = b.conceptChange, c:SimilarChanged
RETURN count(c) AS marked
