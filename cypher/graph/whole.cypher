// The whole graph, or its first $limit nodes with a label in $labels (the most connected first),
// with the relationships of the types in $relationships that leave them; src/db/graph.ts keeps
// those whose target is kept too. Each node comes with the session (title, day) it was given in
// (`placedIn`): a talk's, a section's talk's, or for a paper the session of a talk presenting it.
MATCH (n:Entity)
WHERE any(label IN labels(n) WHERE label IN $labels)
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.id
WITH collect(n) AS candidates
WITH size(candidates) AS totalNodes, candidates[0..$limit] AS kept
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE type(r) IN $relationships
    AND any(label IN labels(a) WHERE label IN $labels) AND any(label IN labels(b) WHERE label IN $labels)
  RETURN count(r) AS totalEdges
}
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $relationships
  RETURN collect({source: a.id, target: b.id, type: type(r), line: r.line, quote: r.quote, role: r.role}) AS edges
}
RETURN [n IN kept | n {.*, __type: head([l IN labels(n) WHERE l IN ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link', 'Document']]),
         placedIn: COLLECT { MATCH (n)<-[:PRESENTS*0..1]-(:Talk)-[:PART_OF*0..1]->(:Talk)-[:IN_SESSION]->(s:Session) RETURN s {.title, .dayNumber} ORDER BY s.dayNumber, s.order LIMIT 1 }[0]}] AS nodes,
       edges, totalNodes, totalEdges
