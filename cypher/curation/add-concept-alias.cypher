MATCH (c:Concept {id: $concept})
// A new alias changes the search text of the concept's works (src/db/search-text.ts).
FOREACH (_ IN CASE WHEN toLower($alias) IN c.keys THEN [] ELSE [1] END | SET c:NamesChanged, c.spreadAfter = '')
SET c.aliases = CASE WHEN toLower($alias) IN c.keys THEN c.aliases ELSE c.aliases + $alias END,
    c.updatedBy = $by, c.updatedAt = datetime(),
    c.curatedFields = [k IN ['name', 'aliases', 'definition'] WHERE k IN coalesce(c.curatedFields, []) OR k = 'aliases']
RETURN c {.*, __type: 'Concept'} AS node
