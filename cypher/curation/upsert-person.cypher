MERGE (p:Person {id: $id})
ON CREATE SET p:Entity, p.createdBy = $by, p.createdAt = datetime()
// A new name changes the search text of the person's works (src/db/search-text.ts).
FOREACH (_ IN CASE WHEN p.name <> $name THEN [1] ELSE [] END | SET p:NamesChanged, p.spreadAfter = '')
WITH p
// A new name drops the folded name an import matches by (import/without-keys.cypher computes it again).
SET p.nameKey = CASE WHEN p.name = $name THEN p.nameKey END,
    p.name = $name, p.aliases = coalesce($aliases, p.aliases, []),
    p.affiliation = coalesce($affiliation, p.affiliation),
    p.updatedBy = $by, p.updatedAt = datetime(),
    // The fields a curator set: a reload of a pack keeps them (src/ingest/curated.ts).
    p.curatedFields = [k IN ['name', 'aliases', 'affiliation'] WHERE k IN coalesce(p.curatedFields, []) OR {name: $name, aliases: $aliases, affiliation: $affiliation}[k] IS NOT NULL]
RETURN p {.*, __type: 'Person'} AS node
