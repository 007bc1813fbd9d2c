// Concepts by id, name or alias, case-insensitively ($keys are lowercased; ids are lowercase slugs).
// A name or alias is found through the name_keys index (schema.cypher) as one quoted keyword, then
// checked against the concept's keys.
UNWIND $keys AS key
CALL (key) {
  MATCH (c:Entity {id: key}) WHERE c:Concept
  RETURN c
  UNION
  CALL db.index.fulltext.queryNodes('name_keys', '"' + replace(replace(key, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS c
  WITH c WHERE c:Concept AND key IN c.keys
  RETURN c
}
RETURN key, c {.*, __type: 'Concept'} AS concept
