// A filtered, ordered page of concepts, with the total before paging.
MATCH (c:Concept)
WHERE $text IS NULL OR any(key IN c.keys WHERE key CONTAINS $text)
WITH c, CASE WHEN $orderBy = 'WORKS' THEN COUNT { (c)<-[:DISCUSSES]-(:Work) } ELSE 0 END AS works
ORDER BY works DESC, toLower(c.name)
WITH collect(c) AS concepts
RETURN size(concepts) AS total, [c IN concepts[$offset..($offset + $limit)] | c {.*, __type: 'Concept'}] AS items
