// The audit trail: one Change node per mutation, saying who made it, when, and from what source.
CREATE (c:Change {id: randomUUID(), at: datetime(), by: $by, action: $action, target: $target, details: $details, source: $source})
RETURN c.id AS id, toString(c.at) AS at
