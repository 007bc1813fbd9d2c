// Folds concept $remove into concept $keep: its works, broader/narrower and related links move
// over, its name and aliases become aliases of $keep, and it is deleted.
MATCH (keep:Concept {id: $keep}), (gone:Concept {id: $remove})
WHERE keep <> gone
CALL (keep, gone) {
  MATCH (w:Work)-[r:DISCUSSES]->(gone)
  MERGE (w)-[n:DISCUSSES]->(keep)
  ON CREATE SET n = properties(r)
  RETURN count(*) AS works
}
CALL (keep, gone) {
  MATCH (gone)-[:BROADER]->(b:Concept) WHERE b <> keep
  MERGE (keep)-[:BROADER]->(b)
  RETURN count(*) AS broader
}
CALL (keep, gone) {
  MATCH (n:Concept)-[:BROADER]->(gone) WHERE n <> keep
  MERGE (n)-[:BROADER]->(keep)
  RETURN count(*) AS narrower
}
CALL (keep, gone) {
  MATCH (gone)-[:RELATED_TO]-(o:Concept) WHERE o <> keep
  MERGE (keep)-[:RELATED_TO]-(o)
  RETURN count(*) AS related
}
// Its embedding goes with it (the refresh after a curation prunes nothing; src/embed/store.ts).
CALL (gone) {
  MATCH (e:Embedding)-[:EMBEDS]->(gone)
  DETACH DELETE e
}
// The ids folded in are remembered (mergedIds), so that a reload of a pack does not bring them back.
WITH keep, gone, [gone.name] + gone.aliases AS names, [gone.id] + coalesce(gone.mergedIds, []) AS merged
DETACH DELETE gone
WITH keep, names, merged
// The works of both now discuss $keep under its new aliases (src/db/search-text.ts).
SET keep:NamesChanged, keep.spreadAfter = '',
    keep.aliases = reduce(a = keep.aliases, n IN names | CASE WHEN toLower(n) IN keep.keys THEN a ELSE a + n END),
    keep.updatedBy = $by, keep.updatedAt = datetime(),
    keep.curatedFields = [k IN ['name', 'aliases', 'definition'] WHERE k IN coalesce(keep.curatedFields, []) OR k = 'aliases'],
    keep.mergedIds = [x IN coalesce(keep.mergedIds, []) WHERE NOT x IN merged] + merged
RETURN keep {.*, __type: 'Concept'} AS node
