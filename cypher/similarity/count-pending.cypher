// How many works similarity/pending.cypher will return in all (for a progress bar).
MATCH (w:Work) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
  AND CASE
    WHEN w.similarAt IS NULL THEN $all OR $fillMissing
    ELSE coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch OR ($all AND w.similarAt < $since)
  END
RETURN count(w) AS n
