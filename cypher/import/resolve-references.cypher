// Works of this import that earlier imports cited before they were in the graph: each waiting
// reference becomes CITES with the same provenance, and an unresolved node nobody waits on goes.
// $rows: [key, work].
UNWIND $rows AS row
MATCH (u:UnresolvedReference {key: row[0]})<-[r:CITES_UNRESOLVED]-(a:Work)
MATCH (w:Paper {id: row[1]})
CALL (a, w, r, u) {
  WITH a, w, r, u WHERE a <> w AND NOT 'CITES ' + w.id IN coalesce(a.removedReferences, [])
  MERGE (a)-[c:CITES]->(w)
  ON CREATE SET c.document = r.document, c.line = r.line, c.record = r.record, c.field = r.field, c.quote = u.key, c.import = $import
}
DELETE r
WITH u, count(*) AS resolved
CALL (u) {
  WITH u WHERE NOT EXISTS { (u)--() }
  DELETE u
}
RETURN sum(resolved) AS resolved
