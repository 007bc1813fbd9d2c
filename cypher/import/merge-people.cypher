// Authors of a batch: a new person with `row.create`, an existing one with the fields it lacked.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p += row.create, p:Entity, p.import = $import
SET p += row.set, p.version = coalesce(p.version, 0) + 1,
    p.provenance = coalesce(p.provenance, []) + [x IN row.provenance WHERE NOT x IN coalesce(p.provenance, [])]
