UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
// Every write increments the version a curator's expectedVersion is checked against (the SET
// reads it under the node's write lock); the pack's properties replace the rest.
SET c.version = coalesce(c.version, 0) + 1
// New names reach the search text of its works outside the pack too, after the load (src/db/search-text.ts).
FOREACH (_ IN CASE WHEN c.name + ' ' + coalesce(c.aliasText, '') <> row.name + ' ' + row.aliasText THEN [1] ELSE [] END | SET c:NamesChanged, c.spreadAfter = '')
// What curators left on the concept survives the reload (see merge-talks.cypher).
WITH c, row, c {.curatedFields, .createdBy, .createdAt, .updatedBy, .updatedAt, .removedConcepts, .removedReferences, .mergedIds, .version} AS curation
SET c = row, c:Entity
SET c += curation
