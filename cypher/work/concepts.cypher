// The concepts each work discusses, with where the notes say so.
UNWIND $ids AS id
MATCH (w:Work {id: id})-[r:DISCUSSES]->(c:Concept)
RETURN id, c {.*, __type: 'Concept'} AS concept, r {.document, .line, .quote, .url} AS source
ORDER BY r.line, c.name
