// One row per work of a batch. A new paper is created with `row.create`; an existing one gets
// only the fields it lacked (`row.set`, chosen by the import) and a provenance entry for each
// ("<import>\t<field>\t<file>\t<record>\t<line>\t<source field>"), so a failed import can take
// them back; a value a record gives for a field the paper has otherwise goes into `disagreements`
// (see disagreement() in import-records.ts). The version moves only when something changes, so
// importing the same file again changes nothing.
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
ON CREATE SET p += row.create, p:Work:Entity, p.import = $import
WITH p, row,
     [x IN row.provenance WHERE NOT x IN coalesce(p.provenance, [])] AS provenance,
     [x IN row.disagreements WHERE NOT x IN coalesce(p.disagreements, [])] AS disagreements
SET p += row.set,
    p.version = coalesce(p.version, 0) + CASE WHEN size(keys(row.set)) + size(provenance) + size(disagreements) > 0 OR p.version IS NULL THEN 1 ELSE 0 END,
    p.provenance = CASE WHEN size(provenance) > 0 THEN coalesce(p.provenance, []) + provenance ELSE p.provenance END,
    p.disagreements = CASE WHEN size(disagreements) > 0 THEN coalesce(p.disagreements, []) + disagreements ELSE p.disagreements END
