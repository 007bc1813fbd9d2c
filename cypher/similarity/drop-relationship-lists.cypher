// Lists stored by earlier versions as SIMILAR relationships (one per result), removed 500 works at
// a time (src/db/migrate.ts runs this until it returns 0); those works' lists become missing (the
// works due: SimilarDue), and the next refresh computes them again in today's form (similarity/write-lists.cypher).
MATCH (w:Work)-[:SIMILAR]->()
WITH DISTINCT w LIMIT 500
CALL (w) {
  MATCH (w)-[s:SIMILAR]->()
  DELETE s
}
REMOVE w.similarAt, w.similarBuiltEpoch
SET w:SimilarDue
RETURN count(w) AS removed
