MATCH (c:Concept {id: $concept})
SET c.aliases = CASE WHEN toLower($alias) IN c.keys THEN c.aliases ELSE c.aliases + $alias END,
    c.updatedBy = $by, c.updatedAt = datetime(),
    c.curatedFields = [k IN ['name', 'aliases', 'definition'] WHERE k IN coalesce(c.curatedFields, []) OR k = 'aliases']
RETURN c {.*, __type: 'Concept'} AS node
