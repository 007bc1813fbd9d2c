// After a reload with --overwrite-curated: the pack's concepts a curator had merged are back, so
// the concepts they were merged into no longer remember them.
UNWIND $ids AS gone
MATCH (c:Concept)
WHERE gone IN c.mergedIds
SET c.mergedIds = [x IN c.mergedIds WHERE x <> gone]
