// $rows: [work, concept, document, line, quote, why] lists, one per DISCUSSES edge (why: the
// curator's reason where the quote alone does not show the link, or null). Lists rather than
// maps: with no keys to encode and decode, a batch travels and unpacks at about half the cost.
UNWIND $rows AS row
MATCH (w:Work {id: row[0]}), (c:Concept {id: row[1]})
MERGE (w)-[r:DISCUSSES]->(c)
SET r = {document: row[2], line: row[3], quote: row[4], why: row[5], pack: $pack}
