UNWIND $rows AS row
MERGE (p:Person {id: row.id})
// Every write increments the version a curator's expectedVersion is checked against (the SET
// reads it under the node's write lock); the pack's properties replace the rest.
SET p.version = coalesce(p.version, 0) + 1
// A new name reaches the search text of their works outside the pack too, after the load (src/db/search-text.ts).
FOREACH (_ IN CASE WHEN p.name <> row.name THEN [1] ELSE [] END | SET p:NamesChanged, p.spreadAfter = '')
// An ORCID imported from a bibliographic record and what curators left on the person (see
// merge-talks.cypher) survive a reload of the pack.
WITH p, row, p {.orcid, .provenance, .curatedFields, .createdBy, .createdAt, .updatedBy, .updatedAt, .removedConcepts, .removedReferences, .version} AS before
SET p = row, p:Entity
SET p += before
