// Nodes by id (as entity/by-ids returns them) and, for the works among them, the concepts they
// discuss ($concepts) and their people ($contributions) when the query asks for them, so that
// "a talk with its concepts and people" is one statement. A list not asked for is null. The
// look-up keys and search text of concepts and people (keys, aliasText), which no field shows, stay behind.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id,
  n {.*, __type: head([label IN labels(n) WHERE label IN ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link', 'Document']])} AS node,
  CASE WHEN $concepts AND n:Work THEN COLLECT {
    MATCH (n)-[r:DISCUSSES]->(c:Concept)
    RETURN {concept: c {.*, keys: null, aliasText: null, __type: 'Concept'}, source: r {.document, .line, .quote, .url, .record, .field, .origin, .confidence, .matchedBy}} ORDER BY r.line, c.name
  } END AS concepts,
  CASE WHEN $contributions AND n:Work THEN COLLECT {
    MATCH (n)<-[r:CONTRIBUTED_TO]-(p:Person)
    RETURN {
      person: p {.*, keys: null, aliasText: null, __type: 'Person'}, role: r.role, origin: r.origin,
      source: CASE WHEN r.quote IS NULL THEN null ELSE r {.document, .line, .quote, .url, .record, .field, .origin, .confidence, .matchedBy} END
    } ORDER BY CASE r.role WHEN 'SPEAKER' THEN 0 WHEN 'AUTHOR' THEN 1 WHEN 'PANELIST' THEN 2 ELSE 3 END, p.name
  } END AS contributions
