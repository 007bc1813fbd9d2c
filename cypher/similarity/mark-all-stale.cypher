// After a write too large to trace (a whole pack loaded): every related-work list is stale, and
// every work a list is kept on is due (SimilarDue), a new one's list missing as well.
MATCH (w:Work) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) } AND EXISTS { MATCH (:SimilarityBuild) }
SET w.similarEpoch = coalesce(w.similarEpoch, 0) + 1, w:SimilarDue
RETURN count(w) AS marked
