// People by id, name or alias, case-insensitively ($keys are lowercased; ids are lowercase slugs).
UNWIND $keys AS key
MATCH (p:Person) WHERE key IN p.keys OR p.id = key
RETURN key, p {.*, __type: 'Person'} AS person
