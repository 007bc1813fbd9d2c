// How many works similarity/pending-all.cypher will return in all (for a progress bar).
MATCH (w:Work) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
  AND (w.similarAt IS NULL OR w.similarAt < $since OR coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch)
RETURN count(w) AS n
