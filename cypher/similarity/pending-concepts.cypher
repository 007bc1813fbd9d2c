// The next $batch concepts (after $after, in id order) whose related-to-concept list is missing or
// out of date (stale), with the epoch each list will be written for
// (similarity/write-concept-lists.cypher). As similarity/pending.cypher for the works: missing
// lists too when $fillMissing; $all: every concept, as a full rebuild started at $since does,
// except those it already rebuilt.
MATCH (c:Concept) WHERE c.id > $after
  AND CASE
    WHEN c.similarAt IS NULL THEN $all OR $fillMissing
    ELSE coalesce(c.similarEpoch, 0) <> c.similarBuiltEpoch OR ($all AND c.similarAt < $since)
  END
RETURN c.id AS id, coalesce(c.similarEpoch, 0) AS epoch
ORDER BY c.id
LIMIT $batch
