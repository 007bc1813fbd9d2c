// Between batches (while an import embeds its works and links them by meaning), the import says
// it still runs, as import/heartbeat does, without counting a batch.
MATCH (r:ImportRun {id: $import})
SET r.heartbeatAt = datetime()
