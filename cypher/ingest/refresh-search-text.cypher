// Copies the names of a work's concepts and people onto the work, for the full-text index, in
// alphabetical order (so the same graph always gets the same text, however it is stored).
UNWIND $ids AS id
MATCH (w:Work {id: id})
SET w.conceptText = reduce(text = '', name IN COLLECT {
      MATCH (w)-[:DISCUSSES]->(c:Concept) RETURN c.name + ' ' + coalesce(c.aliasText, '') AS name ORDER BY name
    } | text + name + ' | '),
    w.peopleText = reduce(text = '', name IN COLLECT {
      MATCH (w)<-[:CONTRIBUTED_TO]-(p:Person) RETURN DISTINCT p.name AS name ORDER BY name
    } | text + name + ' | ')
