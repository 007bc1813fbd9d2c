MATCH (w:Work {id: $work}), (c:Concept {id: $concept})
MERGE (w)-[r:DISCUSSES]->(c)
// A curator's source replaces the pack's, so the link counts as curated from now on, new or not.
SET r.curatedBy = $by, r.curatedAt = datetime(),
    w.removedConcepts = [x IN coalesce(w.removedConcepts, []) WHERE x <> $concept],
    r.document = $source.document, r.line = $source.line, r.quote = $source.quote, r.url = $source.url,
    // A curator's link replaces an automatic one found by an import.
    r.origin = null, r.confidence = null, r.record = null, r.field = null, r.import = null,
    r.matchedBy = null
// The work's search text is derived again by the caller (ingest/refresh-search-text).
RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS node
