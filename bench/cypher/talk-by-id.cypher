// The floor for "a talk by id with its concepts and people": one hand-written statement.
MATCH (t:Talk {id: $id})
RETURN t.title AS title, t.summary AS summary, t.kind AS kind,
       COLLECT { MATCH (t)-[r:DISCUSSES]->(c:Concept) RETURN c.name ORDER BY r.line } AS concepts,
       COLLECT { MATCH (t)<-[r:CONTRIBUTED_TO]-(p:Person) WHERE r.role <> 'MENTIONED' RETURN DISTINCT p.name } AS people
