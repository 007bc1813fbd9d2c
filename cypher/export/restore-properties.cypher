// What an export holds on the pack's own nodes beyond what loading the pack writes (its
// graph.properties): set, or removed; date-times and floats as in restore-nodes.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.set
FOREACH (key IN row.remove | SET n[key] = null)
FOREACH (key IN [k IN keys(row.set) WHERE k IN $temporal] | SET n[key] = datetime(n[key]))
FOREACH (key IN [k IN keys(row.set) WHERE k IN $floats] | SET n[key] = toFloat(n[key]))
