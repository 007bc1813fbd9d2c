// The concepts and people a curation renamed (labelled NamesChanged in its transaction), each with
// its version and the next $limit works, in id order after its cursor (spreadAfter, '' from the
// rename), whose search text holds its names: the works that discuss it (not by meaning alone;
// see ingest/refresh-search-text.cypher) or that it contributed to.
MATCH (n:NamesChanged)
RETURN n.id AS id, coalesce(n.version, 0) AS version, COLLECT {
  MATCH (n)-[r:DISCUSSES|CONTRIBUTED_TO]-(w:Work)
  WHERE (r.matchedBy IS NULL OR r.matchedBy <> 'MEANING') AND w.id > coalesce(n.spreadAfter, '')
  WITH DISTINCT w.id AS id
  RETURN id ORDER BY id LIMIT $limit
} AS works
