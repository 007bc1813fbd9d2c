// After a write that touched $ids (works, concepts, people or sessions), once lists are in use
// (a SimilarityBuild node exists): every related-work list the write can have changed through
// what it touched directly moves to a new epoch, so it is no longer served (stale) until it is
// computed again. Those lists are the ones kept on:
//   - each touched work (as the work a result names: the talk presenting a paper);
//   - each section of the same talk as a touched work, and that talk (SAME_TALK, SIBLING_SECTION);
//   - each work that shares a person, a session or a reference with a touched work (its reasons
//     with that work may have changed), and each work of a touched person or session, when that
//     person or session has at most $hubLimit + 1 works (beyond that it gives no reason, before
//     or after the write);
//   - each work citing a paper a touched work cites, and each work cited by a work that cites a
//     touched work, when that paper has at most $hubLimit + 1 citing works or that work at most
//     $hubLimit + 1 references (BIBLIOGRAPHIC_COUPLING and CO_CITATION: a new or removed citation
//     moves the degree that damps them, and which works citing a seed are read).
// What a write changes through concepts (shared and neighbouring concepts, their degrees) can
// reach far more lists: similarity/mark-changed-concepts.cypher marks those concepts instead, in
// the same transaction, and the next refresh marks their works.
// Those are the works related to a touched one through the graph as it is when this runs. A write
// that removes a link (a curation, a pack load) runs this before it as well as after, so the works
// related through the link it removes are marked too (src/db/curation.ts, src/ingest/load-pack.ts).
MATCH (t:Entity) WHERE t.id IN $ids AND EXISTS { MATCH (:SimilarityBuild) }
CALL (t) {
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS]-(w:Work) RETURN w
  UNION
  WITH t WHERE t:Work
  RETURN t AS w
  UNION
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS*0..1]-(:Work)-[:PART_OF]-(:Talk)-[:PART_OF*0..1]-(w:Work) RETURN w
  UNION
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS*0..1]-(:Work)-[:CONTRIBUTED_TO|IN_SESSION]-(p)
  WHERE COUNT { (p)-[:CONTRIBUTED_TO|IN_SESSION]-() } <= $hubLimit + 1
  MATCH (p)-[:CONTRIBUTED_TO|IN_SESSION]-(w:Work) RETURN w
  UNION
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS*0..1]-(:Work)-[:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(w:Work) RETURN w
  UNION
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS*0..1]-(:Work)-[:CITES]->(p:Paper)
  WHERE COUNT { (p)<-[:CITES]-() } <= $hubLimit + 1
  MATCH (p)<-[:CITES]-(w:Work) RETURN w
  UNION
  WITH t WHERE t:Work
  MATCH (t)-[:PRESENTS*0..1]-(:Work)<-[:CITES]-(c:Work)
  WHERE COUNT { (c)-[:CITES]->() } <= $hubLimit + 1
  MATCH (c)-[:CITES]->(w:Work) RETURN w
  UNION
  WITH t WHERE t:Person OR t:Session
  MATCH (t)-[:CONTRIBUTED_TO|IN_SESSION]-(w:Work)
  WHERE COUNT { (t)-[:CONTRIBUTED_TO|IN_SESSION]-() } <= $hubLimit + 1
  RETURN w
}
WITH DISTINCT coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(w) RETURN talk ORDER BY talk.id LIMIT 1 }[0], w) AS owner
WITH DISTINCT owner
// SimilarDue: what similarity/pending.cypher finds without reading every work.
SET owner.similarEpoch = coalesce(owner.similarEpoch, 0) + 1, owner:SimilarDue
RETURN count(owner) AS marked
