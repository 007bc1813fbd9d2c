// The report of a finished import, kept so that importReport(id) can show it later: the counts and
// the files as properties, the lists (merges, conflicts, ambiguous names, unresolved references,
// each capped as the report caps them) as one JSON text. Written in the transaction that ends the
// import (import/finish.cypher). Its `import` is the import's id, so that taking the import back
// (import/rollback.cypher) removes its report too.
CREATE (r:ImportReport {
  import: $import, at: datetime(), files: $files, records: $records, counts: $counts, lists: $lists
})
RETURN toString(r.at) AS at
