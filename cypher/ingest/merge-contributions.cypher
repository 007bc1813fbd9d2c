// A person's part in a work; one relationship per (person, work, role).
UNWIND $rows AS row
MATCH (p:Person {id: row.person}), (w:Work {id: row.work})
MERGE (p)-[r:CONTRIBUTED_TO {role: row.props.role}]->(w)
SET r = row.props, r.pack = $pack
