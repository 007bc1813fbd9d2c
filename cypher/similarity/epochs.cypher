// The works of $ids a list is kept on, with the epoch a list computed now would be for.
UNWIND $ids AS id
MATCH (w:Work {id: id}) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
RETURN w.id AS id, coalesce(w.similarEpoch, 0) AS epoch
