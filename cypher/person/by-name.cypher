// People by id, name or alias, case-insensitively ($keys are lowercased; ids are lowercase slugs).
// A name or alias is found through the name_keys index (schema.cypher) as one quoted keyword, then
// checked against the person's keys.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity {id: key}) WHERE p:Person
  RETURN p
  UNION
  CALL db.index.fulltext.queryNodes('name_keys', '"' + replace(replace(key, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS p
  WITH p WHERE p:Person AND key IN p.keys
  RETURN p
}
RETURN key, p {.*, __type: 'Person'} AS person
