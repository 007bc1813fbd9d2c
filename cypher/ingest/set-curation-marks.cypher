// After a reload with --overwrite-curated: what is left of the curation marks of the pack's nodes
// (the fields the pack gave no value for, the removals it does not contradict); null removes one.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.curatedFields = row.curatedFields, n.removedConcepts = row.removedConcepts, n.removedReferences = row.removedReferences
