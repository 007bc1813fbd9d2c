// Authors of a batch: a new person with `row.create`, an existing one with the fields it lacked.
// The version moves only when something changes, so importing the same file again changes nothing.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p += row.create, p:Entity, p.import = $import
WITH p, row, [x IN row.provenance WHERE NOT x IN coalesce(p.provenance, [])] AS provenance
SET p += row.set,
    p.version = coalesce(p.version, 0) + CASE WHEN size(keys(row.set)) + size(provenance) > 0 OR p.version IS NULL THEN 1 ELSE 0 END,
    p.provenance = CASE WHEN size(provenance) > 0 THEN coalesce(p.provenance, []) + provenance ELSE p.provenance END
