// $rows: [work, concept, document, line, quote] lists, one per DISCUSSES edge. Lists rather than
// maps: with no keys to encode and decode, a batch travels and unpacks at about half the cost.
UNWIND $rows AS row
MATCH (w:Work {id: row[0]}), (c:Concept {id: row[1]})
MERGE (w)-[r:DISCUSSES]->(c)
SET r = {document: row[2], line: row[3], quote: row[4], pack: $pack}
