UNWIND $rows AS row
MERGE (p:Person {id: row.id})
// An ORCID imported from a bibliographic record and what curators left on the person (see
// merge-talks.cypher) survive a reload of the pack.
WITH p, row, p {.orcid, .provenance, .curatedFields, .createdBy, .createdAt, .updatedBy, .updatedAt, .removedConcepts, .removedReferences} AS before
SET p = row, p:Entity
SET p += before
