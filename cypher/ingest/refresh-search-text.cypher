// Copies the names of a work's concepts and people onto the work, for the full-text index, in
// alphabetical order (so the same graph always gets the same text, however it is stored). Concepts
// linked only by meaning (matchedBy MEANING) are left out: the text is what those links are found
// from (src/ingest/meaning-links.ts), so leaving them out keeps a second import from finding more.
// Gives the ids of the works whose concept names changed: their embedded text changed with them.
UNWIND $ids AS id
MATCH (w:Work {id: id})
WITH w, w.conceptText AS before
SET w.conceptText = reduce(text = '', name IN COLLECT {
      MATCH (w)-[r:DISCUSSES]->(c:Concept) WHERE r.matchedBy IS NULL OR r.matchedBy <> 'MEANING' RETURN c.name + ' ' + coalesce(c.aliasText, '') AS name ORDER BY name
    } | text + name + ' | '),
    w.peopleText = reduce(text = '', name IN COLLECT {
      MATCH (w)<-[:CONTRIBUTED_TO]-(p:Person) RETURN DISTINCT p.name AS name ORDER BY name
    } | text + name + ' | ')
WITH w, before
WHERE before IS NULL OR before <> w.conceptText
RETURN collect(w.id) AS changed
