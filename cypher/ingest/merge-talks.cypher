UNWIND $rows AS row
MERGE (t:Talk {id: row.props.id})
// Every write increments the version a curator's expectedVersion is checked against (the SET
// reads it under the node's write lock); the pack's properties replace the rest.
SET t.version = coalesce(t.version, 0) + 1
// What curators left on the talk (their fields, who and when, the links they removed) survives
// the reload; src/ingest/curated.ts has already put the curated values in the row.
WITH t, row, t {.curatedFields, .createdBy, .createdAt, .updatedBy, .updatedAt, .removedConcepts, .removedReferences, .version} AS curation
SET t = row.props, t:Work:Entity
SET t += curation
WITH t, row
MATCH (d:Day {id: row.day})
MERGE (t)-[r:ON_DAY]->(d)
SET r.pack = $pack
WITH t, row
OPTIONAL MATCH (s:Session {id: row.session})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END |
  MERGE (t)-[r:IN_SESSION]->(s) SET r.pack = $pack)
