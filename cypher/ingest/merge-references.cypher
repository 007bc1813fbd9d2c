// Typed reference edges between works. The type comes from a fixed list, one subquery each, each
// taking its own rows (cheaper than testing every row against every type).
// $rows: [from, to, type, document, line, quote, why] lists; lists rather than maps, see merge-discusses.
CALL () {
  UNWIND [row IN $rows WHERE row[2] = 'FOLLOW_UP_READ'] AS row
  MATCH (a:Work {id: row[0]}), (b:Paper {id: row[1]})
  MERGE (a)-[r:FOLLOW_UP_READ]->(b)
  SET r = {document: row[3], line: row[4], quote: row[5], why: row[6], pack: $pack}
}
CALL () {
  UNWIND [row IN $rows WHERE row[2] = 'RELATED'] AS row
  MATCH (a:Work {id: row[0]}), (b:Paper {id: row[1]})
  MERGE (a)-[r:RELATED]->(b)
  SET r = {document: row[3], line: row[4], quote: row[5], why: row[6], pack: $pack}
}
CALL () {
  UNWIND [row IN $rows WHERE row[2] = 'SEE_ALSO'] AS row
  MATCH (a:Work {id: row[0]}), (b:Paper {id: row[1]})
  MERGE (a)-[r:SEE_ALSO]->(b)
  SET r = {document: row[3], line: row[4], quote: row[5], why: row[6], pack: $pack}
}
CALL () {
  UNWIND [row IN $rows WHERE row[2] = 'BUILDS_ON'] AS row
  MATCH (a:Work {id: row[0]}), (b:Paper {id: row[1]})
  MERGE (a)-[r:BUILDS_ON]->(b)
  SET r = {document: row[3], line: row[4], quote: row[5], why: row[6], pack: $pack}
}
CALL () {
  UNWIND [row IN $rows WHERE row[2] = 'CITES'] AS row
  MATCH (a:Work {id: row[0]}), (b:Paper {id: row[1]})
  MERGE (a)-[r:CITES]->(b)
  SET r = {document: row[3], line: row[4], quote: row[5], why: row[6], pack: $pack}
}
