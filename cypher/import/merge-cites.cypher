// A work cites another, both in the graph, unless a curator removed that citation (removeReference
// remembers it in the work's removedReferences). $rows: [from, to, file, line, record, field, quote].
UNWIND $rows AS row
MATCH (a:Work {id: row[0]}), (b:Paper {id: row[1]})
WHERE a <> b AND NOT 'CITES ' + b.id IN coalesce(a.removedReferences, [])
MERGE (a)-[r:CITES]->(b)
ON CREATE SET r.document = row[2], r.line = row[3], r.record = row[4], r.field = row[5], r.quote = row[6], r.import = $import
RETURN sum(CASE WHEN r.import = $import THEN 1 ELSE 0 END) AS created
