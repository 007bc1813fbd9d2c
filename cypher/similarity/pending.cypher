// The next $batch works (after $after, in id order) whose related-work list is missing or out of
// date (stale), with the epoch each list will be written for (similarity/write-lists.cypher). A
// list is kept on the work a result names: a talk, or a paper no talk presents. Missing lists too
// when $fillMissing (new works, once lists are in use). $all: every such work, as a full rebuild
// started at $since (epoch milliseconds) does, except those it already rebuilt.
MATCH (w:Work) WHERE w.id > $after
  AND NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
  AND CASE
    WHEN w.similarAt IS NULL THEN $all OR $fillMissing
    ELSE coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch OR ($all AND w.similarAt < $since)
  END
RETURN w.id AS id, coalesce(w.similarEpoch, 0) AS epoch
ORDER BY w.id
LIMIT $batch
