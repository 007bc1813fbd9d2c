// An export's relationships the pack does not describe (its graph.relationships), with their
// properties as they were. The type was checked against the vocabulary before. A relationship of
// the same type between the same nodes (for CONTRIBUTED_TO: with the same role) is replaced, so
// that restoring twice leaves one.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
CALL (row) {
  WITH row WHERE NOT row.toUnresolved
  MATCH (b:Entity {id: row.to})
  RETURN b
UNION
  WITH row WHERE row.toUnresolved
  MATCH (b:UnresolvedReference {key: row.to})
  RETURN b
}
CALL (a, b, row) {
  MATCH (a)-[old]->(b)
  WHERE type(old) = row.type AND (row.type <> 'CONTRIBUTED_TO' OR old.role = row.properties.role)
  DELETE old
}
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
FOREACH (key IN [k IN keys(r) WHERE k IN $temporal] | SET r[key] = datetime(r[key]))
FOREACH (key IN [k IN keys(r) WHERE k IN $floats] | SET r[key] = toFloat(r[key]))
