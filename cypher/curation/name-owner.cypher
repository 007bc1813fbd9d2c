// Which concept (other than $id) already answers to a name or alias, if any.
MATCH (c:Concept)
WHERE toLower($name) IN c.keys AND c.id <> $id
RETURN c.id AS id
LIMIT 1
