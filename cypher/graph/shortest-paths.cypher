// The shortest connections between two nodes of any kind, over the relationships that carry
// meaning (not calendar structure or links). The bound (10) is the API's maximum; $maxLength
// trims below it, and $limit caps the number of paths.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:DISCUSSES|BROADER|RELATED_TO|FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES|PRESENTS|CONTRIBUTED_TO|PART_OF|IN_SESSION*..10]-(b))
WITH p
WHERE length(p) <= $maxLength
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n {.*, __type: head([l IN labels(n) WHERE l IN ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link', 'Document']])}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
         source: CASE WHEN r.quote IS NULL THEN null ELSE r {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END}] AS edges
