MERGE (c:Concept {id: $id})
ON CREATE SET c:Entity, c.createdBy = $by, c.createdAt = datetime()
// A new name or new aliases change the search text of the concept's works (src/db/search-text.ts).
WITH c, c.name <> $name OR ($aliases IS NOT NULL AND c.aliases <> $aliases) AS renamed
FOREACH (_ IN CASE WHEN renamed THEN [1] ELSE [] END | SET c:NamesChanged, c.spreadAfter = '')
SET c.name = $name, c.definition = coalesce($definition, c.definition, ''),
    c.aliases = coalesce($aliases, c.aliases, []),
    c.updatedBy = $by, c.updatedAt = datetime(),
    // The fields a curator set: a reload of a pack keeps them (src/ingest/curated.ts).
    c.curatedFields = [k IN ['name', 'aliases', 'definition'] WHERE k IN coalesce(c.curatedFields, []) OR {name: $name, aliases: $aliases, definition: $definition}[k] IS NOT NULL]
WITH c
CALL (c) {
  UNWIND coalesce($broader, []) AS other
  MATCH (b:Concept {id: other})
  MERGE (c)-[r:BROADER]->(b)
  ON CREATE SET r.curatedBy = $by, r.curatedAt = datetime()
  RETURN count(*) AS broader
}
CALL (c) {
  UNWIND coalesce($related, []) AS other
  MATCH (b:Concept {id: other})
  MERGE (c)-[r:RELATED_TO]-(b) // symmetric: one relationship, either direction
  ON CREATE SET r.curatedBy = $by, r.curatedAt = datetime()
  RETURN count(*) AS related
}
RETURN c {.*, __type: 'Concept'} AS node
