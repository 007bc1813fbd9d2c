// How many concepts similarity/pending-concepts.cypher will return in all (for a progress bar).
MATCH (c:Concept)
WHERE CASE
    WHEN c.similarAt IS NULL THEN $all OR $fillMissing
    ELSE coalesce(c.similarEpoch, 0) <> c.similarBuiltEpoch OR ($all AND c.similarAt < $since)
  END
RETURN count(c) AS n
