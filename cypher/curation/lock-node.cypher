// Takes the write lock on the node a curation mutation is about to change (setting and removing
// a marker locks it until the transaction ends), then reads its version: a concurrent writer of
// the same node waits here, so the version checked is the version overwritten. A node written
// before versions existed is at version 0.
MATCH (n:Entity {id: $id})
WHERE any(label IN labels(n) WHERE label IN $labels)
SET n._lock = true
REMOVE n._lock
RETURN coalesce(n.version, 0) AS version
