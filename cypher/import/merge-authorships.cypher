// A person wrote a work, from the public record. An existing CONTRIBUTED_TO (from a pack or a
// curator) is left as it is. $rows: [person, work, position, file, line, record, field, quote].
UNWIND $rows AS row
MATCH (p:Person {id: row[0]}), (w:Work {id: row[1]})
MERGE (p)-[r:CONTRIBUTED_TO {role: 'AUTHOR'}]->(w)
ON CREATE SET r.origin = 'PUBLIC_RECORD', r.position = row[2], r.document = row[3], r.line = row[4],
              r.record = row[5], r.field = row[6], r.quote = row[7], r.import = $import
RETURN sum(CASE WHEN r.import = $import THEN 1 ELSE 0 END) AS created
