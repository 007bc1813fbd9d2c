// After a concept's or person's name or aliases change: the lowercased look-up keys and the
// alias text the full-text index reads, derived again from name and aliases.
MATCH (n:Entity {id: $id})
WHERE n:Concept OR n:Person
SET n.keys = reduce(keys = [], name IN [n.name] + n.aliases | CASE WHEN toLower(name) IN keys THEN keys ELSE keys + toLower(name) END),
    n.aliasText = reduce(text = '', alias IN n.aliases | CASE WHEN text = '' THEN alias ELSE text + ' | ' + alias END)
RETURN n {.*, __type: head([l IN labels(n) WHERE l IN ['Concept', 'Person']])} AS node
