// A full rebuild started at $since (epoch milliseconds): the next $batch works (after $after, in
// id order) a related-work list is kept on (a talk, or a paper no talk presents), but those whose
// list the rebuild already wrote and no write has made stale since, with the epoch each list will
// be written for (similarity/write-lists.cypher).
MATCH (w:Work) WHERE w.id > $after
  AND NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
  AND (w.similarAt IS NULL OR w.similarAt < $since OR coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch)
RETURN w.id AS id, coalesce(w.similarEpoch, 0) AS epoch
ORDER BY w.id
LIMIT $batch
