// A filtered, ordered page of talks, with the total before paging. Every filter is optional
// ($x IS NULL skips it); $conceptIds are concept ids; $personKey is a lowercased name or alias.
MATCH (t:Talk)
WHERE ($day IS NULL OR t.dayNumber = $day)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($year IS NULL OR t.year = $year)
  AND ($session IS NULL OR EXISTS { (t)-[:IN_SESSION]->(s:Session) WHERE s.id = $session OR toLower(s.title) CONTAINS toLower($session) })
  AND ($conceptIds IS NULL OR EXISTS { (t)-[:DISCUSSES]->(c:Concept) WHERE c.id IN $conceptIds })
  AND ($personKey IS NULL OR EXISTS { (t)<-[:CONTRIBUTED_TO]-(p:Person) WHERE $personKey IN p.keys })
  AND ($text IS NULL OR toLower(t.title) CONTAINS $text OR toLower(t.summary) CONTAINS $text)
WITH t
ORDER BY
  CASE WHEN $orderBy = 'TITLE' THEN toLower(t.title) END,
  t.dayNumber, t.order
WITH collect(t) AS talks
RETURN size(talks) AS total, [t IN talks[$offset..($offset + $limit)] | t {.*, __type: 'Talk'}] AS items
