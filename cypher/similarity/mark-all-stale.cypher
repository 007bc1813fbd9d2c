// After a write too large to trace (a whole pack loaded): every related-work list is stale.
MATCH (w:Work) WHERE w.similarAt IS NOT NULL
SET w.similarEpoch = coalesce(w.similarEpoch, 0) + 1
RETURN count(w) AS marked
