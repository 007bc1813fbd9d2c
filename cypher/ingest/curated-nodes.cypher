// What curators left on the nodes a pack is about to write: the fields they set (with the values
// the graph holds now), who changed the node last and when, and the links they removed.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.curatedFields IS NOT NULL OR n.removedConcepts IS NOT NULL OR n.removedReferences IS NOT NULL
RETURN n.id AS id, coalesce(n.curatedFields, []) AS curatedFields, coalesce(n.removedConcepts, []) AS removedConcepts,
       coalesce(n.removedReferences, []) AS removedReferences, n.updatedBy AS by, toString(n.updatedAt) AS at,
       n {.title, .year, .venue, .arxiv, .url, .kind, .summary, .order, .name, .aliases, .affiliation, .definition,
          day: COLLECT { MATCH (n)-[:ON_DAY]->(d:Day) RETURN d.id }[0],
          session: COLLECT { MATCH (n)-[:IN_SESSION]->(s:Session) RETURN s.id }[0]} AS values
