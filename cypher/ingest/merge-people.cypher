UNWIND $rows AS row
MERGE (p:Person {id: row.id})
// An ORCID imported from a bibliographic record survives a reload of the pack.
WITH p, row, p {.orcid, .provenance} AS before
SET p = row, p:Entity
SET p += before
