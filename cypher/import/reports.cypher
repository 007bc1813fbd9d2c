// Kept import reports (import/save-report.cypher): one by id, or the $limit newest.
MATCH (r:ImportReport)
WHERE $id IS NULL OR r.import = $id
RETURN r.import AS id, toString(r.at) AS at, r.files AS files, r.records AS records, r.counts AS counts, r.lists AS lists
ORDER BY r.at DESC, r.import DESC
LIMIT $limit
