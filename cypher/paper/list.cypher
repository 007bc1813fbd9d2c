// A filtered, ordered page of papers, with the total before paging. Every filter is optional.
MATCH (p:Paper)
WHERE ($year IS NULL OR p.year = $year)
  AND ($conceptIds IS NULL OR EXISTS { (p)-[:DISCUSSES]->(c:Concept) WHERE c.id IN $conceptIds })
  AND ($personKey IS NULL OR EXISTS { (p)<-[:CONTRIBUTED_TO]-(person:Person) WHERE $personKey IN person.keys })
  AND ($text IS NULL OR toLower(p.title) CONTAINS $text)
WITH p
ORDER BY
  CASE WHEN $orderBy = 'YEAR' THEN coalesce(p.year, 0) END DESC,
  toLower(p.title)
WITH collect(p) AS papers
RETURN size(papers) AS total, [p IN papers[$offset..($offset + $limit)] | p {.*, __type: 'Paper'}] AS items
