// A refresh's first step: for one concept labelled SimilarChanged (similarity/mark-changed-concepts.cypher),
// every work whose list reads it (the works discussing it or one of its RELATED_TO/BROADER
// neighbours, each as the work a result names) moves to a new epoch and is labelled SimilarDue,
// so the refresh computes it again (similarity/pending.cypher). Returns nothing once no concept is
// labelled. The label goes first: that write-locks the concept, so a write changing it again
// (which locks it too) either waits for this transaction and labels it anew, or finished before
// the works are read here.
MATCH (x:Concept:SimilarChanged)
WITH x LIMIT 1
REMOVE x:SimilarChanged
WITH x
CALL (x) {
  MATCH (x)-[:RELATED_TO|BROADER*0..1]-(:Concept)<-[:DISCUSSES]-(w:Work)
  WITH DISTINCT w
  WITH DISTINCT coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(w) RETURN talk ORDER BY talk.id LIMIT 1 }[0], w) AS owner
  SET owner.similarEpoch = coalesce(owner.similarEpoch, 0) + 1, owner:SimilarDue
  RETURN count(owner) AS marked
}
RETURN x.id AS concept, marked
