// The concept vocabulary the import links titles and abstracts to.
MATCH (c:Concept)
RETURN c.id AS id, c.name AS name, coalesce(c.aliases, []) AS aliases
ORDER BY c.id
