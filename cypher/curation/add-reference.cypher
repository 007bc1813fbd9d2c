// A typed reference edge; the type comes from a fixed list, one branch each.
MATCH (a:Work {id: $from}), (b:Paper {id: $to})
FOREACH (_ IN CASE WHEN $type = 'FOLLOW_UP_READ' THEN [1] ELSE [] END |
  MERGE (a)-[r:FOLLOW_UP_READ]->(b) SET r += $props)
FOREACH (_ IN CASE WHEN $type = 'RELATED' THEN [1] ELSE [] END |
  MERGE (a)-[r:RELATED]->(b) SET r += $props)
FOREACH (_ IN CASE WHEN $type = 'SEE_ALSO' THEN [1] ELSE [] END |
  MERGE (a)-[r:SEE_ALSO]->(b) SET r += $props)
FOREACH (_ IN CASE WHEN $type = 'BUILDS_ON' THEN [1] ELSE [] END |
  MERGE (a)-[r:BUILDS_ON]->(b) SET r += $props)
FOREACH (_ IN CASE WHEN $type = 'CITES' THEN [1] ELSE [] END |
  MERGE (a)-[r:CITES]->(b) SET r += $props)
SET a.removedReferences = [x IN coalesce(a.removedReferences, []) WHERE x <> $type + ' ' + $to]
RETURN a.id AS from, b.id AS to
