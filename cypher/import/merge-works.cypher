// One row per work of a batch. A new paper is created with `row.create`; an existing one gets
// only the fields it lacked (`row.set`, chosen by the import) and a provenance entry for each
// ("<import>\t<field>\t<file>\t<record>\t<line>\t<source field>"), so a failed import can take
// them back.
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
ON CREATE SET p += row.create, p:Work:Entity, p.import = $import
SET p += row.set, p.version = coalesce(p.version, 0) + 1,
    p.provenance = coalesce(p.provenance, []) + [x IN row.provenance WHERE NOT x IN coalesce(p.provenance, [])]
