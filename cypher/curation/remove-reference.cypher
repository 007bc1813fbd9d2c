MATCH (a:Work {id: $from})-[r]->(b:Work {id: $to})
WHERE type(r) = $type
// Remembered on the citing work ("TYPE to"), so that a reload of a pack does not bring it back.
SET a.removedReferences = [x IN coalesce(a.removedReferences, []) WHERE x <> $type + ' ' + $to] + ($type + ' ' + $to)
DELETE r
RETURN count(*) AS removed
