// A reference to a work not (yet) in the graph, kept as an :UnresolvedReference named by its
// identifier key ("doi:10.1/x", "openalex:W123"), so that a later import that brings the work
// turns it into CITES (resolve-references). Not a :Work nor an :Entity: no query lists it.
// $rows: [from, key, file, line, record, field].
UNWIND $rows AS row
MATCH (a:Work {id: row[0]})
MERGE (u:UnresolvedReference {key: row[1]})
ON CREATE SET u.import = $import
MERGE (a)-[r:CITES_UNRESOLVED]->(u)
ON CREATE SET r.document = row[2], r.line = row[3], r.record = row[4], r.field = row[5], r.import = $import
RETURN sum(CASE WHEN r.import = $import THEN 1 ELSE 0 END) AS created
