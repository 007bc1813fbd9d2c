// Concepts by id, name or alias, case-insensitively ($keys are lowercased; ids are lowercase slugs).
UNWIND $keys AS key
MATCH (c:Concept) WHERE key IN c.keys OR c.id = key
RETURN key, c {.*, __type: 'Concept'} AS concept
