// How many works similarity/pending.cypher will return in all (for a progress bar).
MATCH (w:Work:SimilarDue) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
  AND (w.similarAt IS NULL OR coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch)
RETURN count(w) AS n
