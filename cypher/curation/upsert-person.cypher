MERGE (p:Person {id: $id})
ON CREATE SET p:Entity, p.createdBy = $by, p.createdAt = datetime()
SET p.name = $name, p.aliases = coalesce($aliases, p.aliases, []),
    p.affiliation = coalesce($affiliation, p.affiliation),
    p.updatedBy = $by, p.updatedAt = datetime()
RETURN p {.*, __type: 'Person'} AS node
