MERGE (p:Person {id: $id})
ON CREATE SET p:Entity, p.createdBy = $by, p.createdAt = datetime()
SET p.name = $name, p.aliases = coalesce($aliases, p.aliases, []),
    p.affiliation = coalesce($affiliation, p.affiliation),
    p.updatedBy = $by, p.updatedAt = datetime()
SET p.keys = reduce(keys = [], n IN [p.name] + p.aliases | CASE WHEN toLower(n) IN keys THEN keys ELSE keys + toLower(n) END),
    p.aliasText = reduce(text = '', a IN p.aliases | CASE WHEN text = '' THEN a ELSE text + ' | ' + a END)
RETURN p {.*, __type: 'Person'} AS node
