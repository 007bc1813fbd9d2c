// People by name or alias, case-insensitively ($keys are lowercased).
UNWIND $keys AS key
MATCH (p:Person) WHERE key IN p.keys
RETURN key, p {.*, __type: 'Person'} AS person
