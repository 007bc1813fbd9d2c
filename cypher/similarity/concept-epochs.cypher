// The concepts of $ids, with the epoch a list computed now would be for.
UNWIND $ids AS id
MATCH (c:Concept {id: id})
RETURN c.id AS id, coalesce(c.similarEpoch, 0) AS epoch
