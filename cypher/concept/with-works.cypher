// A concept by name or alias ($key, lowercased) with one page of the works that discuss it
// ($offset, $limit, in concept/works order) and, for those works, what the query asks of them
// ($concepts, $contributions: as work/with-relations gives them; null when not asked for).
// "A concept, its works, their people and concepts" is then one statement. The look-up keys and
// the search text (keys, aliasText, conceptText, peopleText), which no field shows, stay behind.
MATCH (c:Concept) WHERE $key IN c.keys OR c.id = $key
WITH c LIMIT 1
RETURN c {.*, keys: null, aliasText: null, __type: 'Concept'} AS concept,
  COUNT { (c)<-[:DISCUSSES]-(:Work) } AS total,
  COLLECT {
    MATCH (c)<-[:DISCUSSES]-(w:Work)
    WITH w ORDER BY w.year DESC, w.dayNumber, w.order, w.title SKIP $offset LIMIT $limit
    RETURN {
      work: w {.*, conceptText: null, peopleText: null, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END},
      concepts: CASE WHEN $concepts THEN COLLECT {
        MATCH (w)-[r:DISCUSSES]->(k:Concept)
        RETURN {concept: k {.*, keys: null, aliasText: null, __type: 'Concept'}, source: r {.document, .line, .quote, .url, .record, .field, .origin, .confidence, .matchedBy}} ORDER BY r.line, k.name
      } END,
      contributions: CASE WHEN $contributions THEN COLLECT {
        MATCH (w)<-[r:CONTRIBUTED_TO]-(p:Person)
        RETURN {
          person: p {.*, keys: null, aliasText: null, __type: 'Person'}, role: r.role, origin: r.origin,
          source: CASE WHEN r.quote IS NULL THEN null ELSE r {.document, .line, .quote, .url, .record, .field, .origin, .confidence, .matchedBy} END
        } ORDER BY CASE r.role WHEN 'SPEAKER' THEN 0 WHEN 'AUTHOR' THEN 1 WHEN 'PANELIST' THEN 2 ELSE 3 END, p.name
      } END
    }
  } AS items
