// Imports that began and have not finished: running now, or killed part-way. `quiet`: no batch
// has committed for $quietSeconds.
MATCH (r:ImportRun)
RETURN r.id AS id, r.host AS host, r.pid AS pid, r.processStart AS processStart, r.files AS files,
       toString(r.startedAt) AS startedAt, coalesce(r.batches, 0) AS batches,
       r.heartbeatAt < datetime() - duration({seconds: $quietSeconds}) AS quiet
ORDER BY r.startedAt
