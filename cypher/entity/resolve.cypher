// The nodes that clients' arguments name ($refs: [{id, key}], in order): a node whose id is
// `id`, or else the concepts and people that answer to `key` (a lowercased name or alias, found
// through the name_keys index of schema.cypher as one quoted keyword).
// One row per ref, with every match and its type ($types: the labels that name a node's type).
UNWIND range(0, size($refs) - 1) AS i
WITH i, $refs[i] AS ref
OPTIONAL MATCH (byId:Entity {id: ref.id})
WITH i, ref, collect(byId) AS byId
// By name only when no id matched: filtered before the match, so a found id reads no other node.
CALL (ref, byId) {
  UNWIND CASE WHEN size(byId) = 0 THEN [ref.key] ELSE [] END AS key
  CALL db.index.fulltext.queryNodes('name_keys', '"' + replace(replace(key, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS named
  WITH named WHERE key IN named.keys
  RETURN named
  UNION
  RETURN null AS named
}
WITH i, byId, collect(named) AS byName
WITH i, byId + byName AS found
RETURN i, [n IN found | {id: n.id, type: head([label IN labels(n) WHERE label IN $types])}] AS matches
ORDER BY i
