// The next $batch works (after $after, in id order) whose related-work list is missing or out of
// date (stale), with the epoch each list will be written for (similarity/write-lists.cypher): the
// works labelled SimilarDue (similarity/mark-stale.cypher, similarity/label-due.cypher), so a
// refresh with little to do reads little. A list is kept on the work a result names: a talk, or
// a paper no talk presents.
MATCH (w:Work:SimilarDue) WHERE w.id > $after
  AND NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
  AND (w.similarAt IS NULL OR coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch)
RETURN w.id AS id, coalesce(w.similarEpoch, 0) AS epoch
ORDER BY w.id
LIMIT $batch
