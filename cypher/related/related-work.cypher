// Ranked related work for a set of seed works ($ids). A talk and the paper it presents count
// as one seed. Each candidate's score is the sum of its reasons' weights:
//   SHARED_CONCEPT        1 / ln(number of works discussing the concept)   (Adamic-Adar)
//   reference edge        $referenceWeights[type], either direction
//   SAME_SESSION, SAME_TALK (section and its talk), SIBLING_SECTION, SHARED_PERSON (per person,
//   mentions excluded): $reasonWeights[kind]
//   NEIGHBOURING_CONCEPT  $reasonWeights.NEIGHBOURING_CONCEPT / ln(1 + works discussing the neighbour)
// (the weights: src/model/vocabulary.ts)
// $exclude ids are never returned; $limit caps the results.
MATCH (seed:Work) WHERE seed.id IN $ids
OPTIONAL MATCH (seed)-[:PRESENTS]-(twin:Work)
WITH collect(DISTINCT seed) + collect(DISTINCT twin) AS seeds
WITH seeds, [s IN seeds | s.id] + $exclude AS skip
UNWIND seeds AS s
CALL (s) {
  MATCH (s)-[:DISCUSSES]->(c:Concept)
  WITH s, c, COUNT { (c)<-[:DISCUSSES]-() } AS degree
  MATCH (c)<-[theirs:DISCUSSES]-(w:Work)
  RETURN w, 'SHARED_CONCEPT' AS kind, 1.0 / log(degree) AS weight, [c] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]->(w:Work)
  RETURN w, type(r) AS kind, $referenceWeights[type(r)] AS weight, [] AS via, r AS evidence, 'OUT' AS direction
  UNION ALL
  MATCH (s)<-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(w:Work)
  RETURN w, type(r) AS kind, $referenceWeights[type(r)] AS weight, [] AS via, r AS evidence, 'IN' AS direction
  UNION ALL
  MATCH (s)-[:IN_SESSION]->(session:Session)<-[:IN_SESSION]-(w:Talk)
  RETURN w, 'SAME_SESSION' AS kind, $reasonWeights.SAME_SESSION AS weight, [session] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:PART_OF]-(w:Talk)
  RETURN w, 'SAME_TALK' AS kind, $reasonWeights.SAME_TALK AS weight, [] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:PART_OF]->(parent:Talk)<-[:PART_OF]-(w:Talk)
  RETURN w, 'SIBLING_SECTION' AS kind, $reasonWeights.SIBLING_SECTION AS weight, [parent] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)<-[mine:CONTRIBUTED_TO]-(p:Person)-[theirs:CONTRIBUTED_TO]->(w:Work)
  WHERE mine.role <> 'MENTIONED' AND theirs.role <> 'MENTIONED'
  RETURN w, 'SHARED_PERSON' AS kind, $reasonWeights.SHARED_PERSON AS weight, [p] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:DISCUSSES]->(c:Concept)-[:RELATED_TO|BROADER]-(n:Concept)
  WHERE NOT (s)-[:DISCUSSES]->(n)
  WITH s, c, n, COUNT { (n)<-[:DISCUSSES]-() } AS degree
  MATCH (n)<-[theirs:DISCUSSES]-(w:Work)
  RETURN w, 'NEIGHBOURING_CONCEPT' AS kind, $reasonWeights.NEIGHBOURING_CONCEPT / log(1 + degree) AS weight, [c, n] AS via, theirs AS evidence, null AS direction
}
WITH skip, s, w, kind, weight, via, evidence, direction
WHERE NOT w.id IN skip
// The same reason reached from a talk and from its paper counts once.
WITH w, kind, via, direction, max(weight) AS weight, head(collect(evidence)) AS evidence, head(collect(s.id)) AS seed
// Rank first, then build the reasons' maps (every property of every node) for the $limit results only.
WITH w, sum(weight) AS score, collect({kind: kind, weight: weight, seed: seed, direction: direction, via: via, evidence: evidence}) AS found
ORDER BY score DESC, w.title
LIMIT $limit
CALL (found) {
  UNWIND found AS r
  WITH r.kind AS kind, r.weight AS weight, r.seed AS seed, r.direction AS direction, r.via AS via, r.evidence AS evidence
  RETURN collect({
  kind: kind, weight: weight, seed: seed, direction: direction,
  via: [v IN via | v {.*, __type: head([l IN labels(v) WHERE l IN ['Concept', 'Person', 'Session', 'Talk']])}],
  source: CASE WHEN evidence IS NULL OR evidence.quote IS NULL THEN null ELSE evidence {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END
}) AS reasons
}
RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS work, score, reasons
