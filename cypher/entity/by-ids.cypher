// Any node of the knowledge graph by id, with its kind in __type.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, n {.*, __type: head([label IN labels(n) WHERE label IN ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link', 'Document']])} AS node
