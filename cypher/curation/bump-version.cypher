// Every write to a node a curator can change increments its version (a node from before
// versions existed counts as version 0).
MATCH (n:Entity {id: $id})
SET n.version = coalesce(n.version, 0) + 1
RETURN n.version AS version
