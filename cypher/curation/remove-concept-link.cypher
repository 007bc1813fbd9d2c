// Removes a work's link to a concept and remembers the removal (the work's removedConcepts), so
// that re-importing a record does not link them again automatically. The work's search text (and
// so its embedding) loses the concept's names, as link-work-concept.cypher adds them.
MATCH (w:Work {id: $work})-[r:DISCUSSES]->(c:Concept {id: $concept})
SET w.removedConcepts = [x IN coalesce(w.removedConcepts, []) WHERE x <> $concept] + $concept
DELETE r
WITH DISTINCT w
SET w.conceptText = reduce(text = '', name IN COLLECT {
      MATCH (w)-[l:DISCUSSES]->(x:Concept) WHERE l.matchedBy IS NULL OR l.matchedBy <> 'MEANING'
      RETURN x.name + ' ' + coalesce(x.aliasText, '')
    } | text + name + ' | ')
RETURN count(*) AS removed
