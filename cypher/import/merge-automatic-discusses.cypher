// Concepts found in a work's title or abstract, by their words or by meaning (row[8]: WORDS or
// MEANING; src/ingest/meaning-links.ts). A link that exists (from the notes, a pack or a
// curator) is kept as it is: curated links outrank automatic ones. A link a curator removed
// (listed in the work's removedConcepts) is not added again.
// $rows: [work, concept, file, line, record, field, quote, confidence, matchedBy].
UNWIND $rows AS row
MATCH (w:Work {id: row[0]}), (c:Concept {id: row[1]})
WHERE NOT row[1] IN coalesce(w.removedConcepts, [])
MERGE (w)-[r:DISCUSSES]->(c)
ON CREATE SET r.origin = 'AUTOMATIC', r.document = row[2], r.line = row[3], r.record = row[4], r.field = row[5],
              r.quote = row[6], r.confidence = row[7], r.matchedBy = row[8], r.import = $import
RETURN sum(CASE WHEN r.import = $import THEN 1 ELSE 0 END) AS created
