// The connections between two nodes that explain the most: the paths of the shortest length and
// of one step more, over the relationship types in $relationships (a subset of the meaningful
// ones, never calendar structure or links), at most $maxLength steps, the first $candidates of
// them ranked by cost: the sum of $stepCosts over their relationships, plus $panelCost for each
// panel they pass through. Each node sequence is kept once, by its cheapest path; the $limit
// cheapest are returned, then the shorter first.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 2 GROUPS (a) (()-[r WHERE type(r) IN $relationships]-()){1,10} (b)
WITH p
WHERE length(p) <= $maxLength
WITH p LIMIT $candidates
WITH p,
     reduce(cost = 0.0, r IN relationships(p) | cost + $stepCosts[type(r)]) +
     reduce(cost = 0.0, n IN nodes(p)[1..-1] | cost + CASE WHEN n:Talk AND n.kind = 'PANEL' THEN $panelCost ELSE 0.0 END) AS cost
ORDER BY cost
WITH [n IN nodes(p) | n.id] AS ids, head(collect(p)) AS p, min(cost) AS cost
ORDER BY cost, length(p), ids
LIMIT $limit
RETURN cost,
       [n IN nodes(p) | n {.*, __type: head([l IN labels(n) WHERE l IN ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link', 'Document']])}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role,
         source: CASE WHEN r.quote IS NULL THEN null ELSE r {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END}] AS edges
