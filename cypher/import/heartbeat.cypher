// Each batch of an import says, in its own transaction, that the import still runs: recovery on
// another host takes back only an import that has been quiet for a while.
MATCH (r:ImportRun {id: $import})
SET r.heartbeatAt = datetime(), r.batches = coalesce(r.batches, 0) + 1
