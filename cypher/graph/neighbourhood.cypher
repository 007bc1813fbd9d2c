// The neighbourhood of $center: breadth-first, level by level up to $depth, through
// relationships of the types in $relationships and nodes with a label in $labels. Nearest nodes
// come first; the first $limit are returned with every relationship among them, each node with
// the session it was given in (`placedIn`, as in graph/whole).
MATCH (start:Entity) WHERE start.id IN $center
WITH collect(start.id) AS center
WITH reduce(seen = center, level IN range(1, $depth) |
  seen + COLLECT {
    MATCH (a:Entity)-[r]-(b:Entity)
    WHERE a.id IN seen AND NOT b.id IN seen
      AND type(r) IN $relationships AND any(label IN labels(b) WHERE label IN $labels)
    RETURN DISTINCT b.id
  }) AS reached
WITH reached, reached[0..$limit] AS kept
// Counted from each reached node's outgoing relationships: matched from either end, a concept
// reached would be expanded through every work discussing it (up to 485,241 at a million papers).
CALL (reached) {
  UNWIND reached AS id
  MATCH (a:Entity {id: id})-[r]->(b:Entity)
  WHERE type(r) IN $relationships AND b.id IN reached
  RETURN count(r) AS totalEdges
}
CALL (kept) {
  UNWIND kept AS id
  MATCH (n:Entity {id: id})
  RETURN collect(n {.*, __type: head([l IN labels(n) WHERE l IN ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link', 'Document']]),
         placedIn: COLLECT { MATCH (n)<-[:PRESENTS*0..1]-(:Talk)-[:PART_OF*0..1]->(:Talk)-[:IN_SESSION]->(s:Session) RETURN s {.title, .dayNumber} ORDER BY s.dayNumber, s.order LIMIT 1 }[0]}) AS nodes
}
// The relationships among the kept nodes, from each one's outgoing relationships.
CALL (kept) {
  UNWIND kept AS id
  MATCH (a:Entity {id: id})-[r]->(b:Entity)
  WHERE type(r) IN $relationships AND b.id IN kept
  RETURN collect({source: a.id, target: b.id, type: type(r), line: r.line, quote: r.quote, role: r.role}) AS edges
}
RETURN nodes, edges, size(reached) AS totalNodes, totalEdges
