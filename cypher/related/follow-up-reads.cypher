// The reading trail from a work ($id, with the paper it presents or the talk presenting it):
// every work reachable along FOLLOW_UP_READ, RELATED and SEE_ALSO edges within $depth steps,
// each once, by its shortest route, preferring follow-up reads over related work over "see also".
// The pattern's bound (5) is the API's maximum depth; $depth trims below it. Each step names the
// work it comes from (`fromWork`) and the works the notes lead to from the one it reaches, or from
// that work's talk or paper (`next`), so the caller can tell where the notes' edges run out.
MATCH (start:Work {id: $id})
OPTIONAL MATCH (start)-[:PRESENTS]-(twin:Work)
WITH start, collect(twin) AS twins
WITH [start] + twins AS starts
UNWIND starts AS s
MATCH (s)-[:FOLLOW_UP_READ|RELATED|SEE_ALSO*1..5]->(w:Work)
WHERE NOT w IN starts
WITH DISTINCT starts, s, w
MATCH route = allShortestPaths((s)-[:FOLLOW_UP_READ|RELATED|SEE_ALSO*1..5]->(w))
WITH starts, w, route,
     reduce(cost = 0, r IN relationships(route) |
       cost + CASE type(r) WHEN 'FOLLOW_UP_READ' THEN 0 WHEN 'RELATED' THEN 1 ELSE 2 END) AS cost
WHERE length(route) <= $depth
  AND none(n IN nodes(route)[1..] WHERE n IN starts)
WITH w, route, cost
ORDER BY length(route), cost, last(relationships(route)).line
WITH w, head(collect(route)) AS route, min(length(route)) AS depth, min(cost) AS cost
WITH w, route, depth, cost, last(relationships(route)) AS edge
WITH w, route, depth, cost, edge, startNode(edge) AS origin
RETURN depth,
       w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS work,
       {type: type(edge), from: startNode(edge).id, to: endNode(edge).id,
        source: CASE WHEN edge.quote IS NULL THEN null ELSE edge {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END} AS reference,
       [n IN nodes(route) | n.id] AS route,
       origin {.*, __type: CASE WHEN origin:Talk THEN 'Talk' ELSE 'Paper' END} AS fromWork,
       COLLECT { MATCH (w)-[:PRESENTS*0..1]-(:Work)-[:FOLLOW_UP_READ|RELATED|SEE_ALSO]->(x:Work) RETURN DISTINCT x.id } AS next
ORDER BY depth, cost, edge.line, w.title
