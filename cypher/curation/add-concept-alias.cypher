MATCH (c:Concept {id: $concept})
SET c.aliases = CASE WHEN toLower($alias) IN c.keys THEN c.aliases ELSE c.aliases + $alias END,
    c.updatedBy = $by, c.updatedAt = datetime()
SET c.keys = reduce(keys = [], n IN [c.name] + c.aliases | CASE WHEN toLower(n) IN keys THEN keys ELSE keys + toLower(n) END),
    c.aliasText = reduce(text = '', a IN c.aliases | CASE WHEN text = '' THEN a ELSE text + ' | ' + a END)
RETURN c {.*, __type: 'Concept'} AS node
