// Typed reference edges leaving each work.
UNWIND $ids AS id
MATCH (w:Work {id: id})-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]->(other:Work)
RETURN id, type(r) AS type, w.id AS from, other.id AS to,
       other {.*, __type: CASE WHEN other:Talk THEN 'Talk' ELSE 'Paper' END} AS work,
       CASE WHEN r.quote IS NULL THEN null ELSE r {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END AS source
ORDER BY r.line, other.title
