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
// The relationships among the reached nodes, counted, and those among the kept ones, returned.
// Each reached node's outgoing relationships are walked: matched from either end, a concept reached
// would be expanded through every work discussing it (up to 485,241 at a million papers). But a
// person with more works than there are reached nodes (an author of thousands at a million
// papers) is instead tested against each reached node, which Neo4j does from the end with fewer
// relationships. Only people have that many outgoing relationships, so only theirs are counted.
CALL (reached, kept) {
  UNWIND reached AS id
  MATCH (n:Entity {id: id})
  WITH n, CASE WHEN n:Person THEN COUNT { (n)-->() } > size(reached) ELSE false END AS prolific
  WITH collect(n) AS nodes, collect(CASE WHEN NOT prolific THEN n END) AS walked, collect(CASE WHEN prolific THEN n END) AS tested
  CALL (reached, nodes, walked, tested) {
    UNWIND walked AS a
    MATCH (a)-[r]->(b:Entity)
    WHERE type(r) IN $relationships AND b.id IN reached
    RETURN a, r, b
    UNION ALL
    UNWIND tested AS a
    UNWIND nodes AS b
    MATCH (a)-[r]->(b)
    WHERE type(r) IN $relationships
    RETURN a, r, b
  }
  RETURN count(r) AS totalEdges,
         collect(CASE WHEN a.id IN kept AND b.id IN kept
                 THEN {source: a.id, target: b.id, type: type(r), line: r.line, quote: r.quote, role: r.role} END) AS edges
}
CALL (kept) {
  UNWIND kept AS id
  MATCH (n:Entity {id: id})
  RETURN collect(n {.*, __type: head([l IN labels(n) WHERE l IN ['Talk', 'Paper', 'Concept', 'Person', 'Session', 'Day', 'Event', 'Link', 'Document']]),
         placedIn: COLLECT { MATCH (n)<-[:PRESENTS*0..1]-(:Talk)-[:PART_OF*0..1]->(:Talk)-[:IN_SESSION]->(s:Session) RETURN s {.title, .dayNumber} ORDER BY s.dayNumber, s.order LIMIT 1 }[0]}) AS nodes
}
RETURN nodes, edges, size(reached) AS totalNodes, totalEdges
