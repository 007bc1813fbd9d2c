MATCH (c:Concept {id: $concept})
SET c.aliases = CASE WHEN toLower($alias) IN c.keys THEN c.aliases ELSE c.aliases + $alias END,
    c.updatedBy = $by, c.updatedAt = datetime()
RETURN c {.*, __type: 'Concept'} AS node
