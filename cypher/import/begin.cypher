// Records an import of records while it writes, with the process that runs it (host, pid and the
// pid's start time), so that an import killed part-way can be found and taken back at the next
// start (import/interrupted.cypher) instead of staying half-written. Deleted when the last batch
// has committed (import/finish.cypher).
CREATE (:ImportRun {
  id: $import, host: $host, pid: $pid, processStart: $processStart, files: $files,
  startedAt: datetime(), heartbeatAt: datetime()
})
