// Which concept (other than $id) already answers to a name or alias, if any (through the name_keys
// index of schema.cypher, as one quoted keyword).
WITH toLower($name) AS key
CALL db.index.fulltext.queryNodes('name_keys', '"' + replace(replace(key, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS c
WITH c, key WHERE c:Concept AND key IN c.keys AND c.id <> $id
RETURN c.id AS id
LIMIT 1
