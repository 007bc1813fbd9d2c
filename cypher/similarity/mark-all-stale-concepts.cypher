// After a write too large to trace (a whole pack loaded, an import taken back): every
// related-to-concept list is stale.
MATCH (c:Concept) WHERE c.similarAt IS NOT NULL AND EXISTS { MATCH (:SimilarityBuild) }
SET c.similarEpoch = coalesce(c.similarEpoch, 0) + 1
RETURN count(c) AS marked
