// Concepts by name or alias, case-insensitively ($keys are lowercased).
UNWIND $keys AS key
MATCH (c:Concept) WHERE key IN c.keys
RETURN key, c {.*, __type: 'Concept'} AS concept
