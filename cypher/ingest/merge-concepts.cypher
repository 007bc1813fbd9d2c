UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
// What curators left on the concept survives the reload (see merge-talks.cypher).
WITH c, row, c {.curatedFields, .createdBy, .createdAt, .updatedBy, .updatedAt, .removedConcepts, .removedReferences, .mergedIds} AS curation
SET c = row, c:Entity
SET c += curation
