// A filtered, ordered page of people, with the total before paging.
MATCH (p:Person)
WHERE $text IS NULL OR any(key IN p.keys WHERE key CONTAINS $text)
WITH p, CASE WHEN $orderBy = 'WORKS' THEN COUNT { (p)-[:CONTRIBUTED_TO]->(:Work) } ELSE 0 END AS works
ORDER BY works DESC, toLower(p.name)
WITH collect(p) AS people
RETURN size(people) AS total, [p IN people[$offset..($offset + $limit)] | p {.*, __type: 'Person'}] AS items
