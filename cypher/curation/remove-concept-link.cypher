// Removes a work's link to a concept and remembers the removal (the work's removedConcepts), so
// that re-importing a record does not link them again automatically.
MATCH (w:Work {id: $work})-[r:DISCUSSES]->(c:Concept {id: $concept})
SET w.removedConcepts = [x IN coalesce(w.removedConcepts, []) WHERE x <> $concept] + $concept
DELETE r
RETURN count(*) AS removed
