// A person's part in a work; one relationship per (person, work, role).
// $rows: [person, work, role, origin, document, line, quote] lists (the evidence is null for a
// fact from the public record); lists rather than maps, see merge-discusses.
UNWIND $rows AS row
MATCH (p:Person {id: row[0]}), (w:Work {id: row[1]})
MERGE (p)-[r:CONTRIBUTED_TO {role: row[2]}]->(w)
SET r = {role: row[2], origin: row[3], document: row[4], line: row[5], quote: row[6], pack: $pack}
