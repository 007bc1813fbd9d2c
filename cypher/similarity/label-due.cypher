// Once, when a refresh first meets a store whose due works are not labelled yet (lists brought
// into use by a sample's lists, or a store from before the label): labels SimilarDue every work
// whose list is missing or stale, reading $batch works (after $after, in id order) per call, and
// returns the last id read (null at the end).
MATCH (w:Work) WHERE w.id > $after
WITH w ORDER BY w.id LIMIT $batch
WITH collect(w) AS page
CALL (page) {
  UNWIND page AS w
  WITH w WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
    AND (w.similarAt IS NULL OR coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch)
  SET w:SimilarDue
  RETURN count(w) AS labelled
}
RETURN page[-1].id AS last, labelled
