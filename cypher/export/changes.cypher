// The curation log, oldest first.
MATCH (c:Change)
RETURN c.id AS id, toString(c.at) AS at, c.by AS by, c.action AS action, c.target AS target, c.details AS details, c.source AS source
ORDER BY c.at, c.id
