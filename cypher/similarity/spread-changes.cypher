// A refresh's first step: for one concept labelled SimilarChanged (similarity/mark-changed-concepts.cypher),
// every work whose list reads it (the works discussing it or one of its RELATED_TO/BROADER
// neighbours, each as the work a result names) moves to a new epoch and is labelled SimilarDue,
// so the refresh computes it again (similarity/pending.cypher); then the concept loses its label.
// Returns nothing once no concept is labelled. A write that changes the concept again meanwhile
// waits for this transaction and labels it again.
MATCH (x:Concept:SimilarChanged)
WITH x LIMIT 1
CALL (x) {
  MATCH (x)-[:RELATED_TO|BROADER*0..1]-(:Concept)<-[:DISCUSSES]-(w:Work)
  WITH DISTINCT w
  WITH DISTINCT coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(w) RETURN talk ORDER BY talk.id LIMIT 1 }[0], w) AS owner
  SET owner.similarEpoch = coalesce(owner.similarEpoch, 0) + 1, owner:SimilarDue
  RETURN count(owner) AS marked
}
REMOVE x:SimilarChanged
RETURN x.id AS concept, marked
