// An export's whole nodes (its graph.nodes): an entity by its id, an unresolved reference by its
// key, with the labels given (checked against the vocabulary before) and the properties as they
// were; the properties named in $temporal become date-times again, those in $floats floats.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE NOT 'UnresolvedReference' IN row.labels
  MERGE (n:Entity {id: row.properties.id})
  RETURN n
UNION
  WITH row WHERE 'UnresolvedReference' IN row.labels
  MERGE (n:UnresolvedReference {key: row.properties.key})
  RETURN n
}
SET n = row.properties, n:$(row.labels)
WITH n
FOREACH (key IN [k IN keys(n) WHERE k IN $temporal] | SET n[key] = datetime(n[key]))
FOREACH (key IN [k IN keys(n) WHERE k IN $floats] | SET n[key] = toFloat(n[key]))
