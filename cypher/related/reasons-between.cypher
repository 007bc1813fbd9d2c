// Related work for seed works ($ids), ranked among given candidates only ($works: the works of
// their precomputed lists, src/graph/similarity.ts), with the reasons for the returned page. The
// reasons, their keys and weights, hub damping and the score are those of related-work.cypher,
// matched here between two known ends instead of found from the seed's side, which reads a
// handful of relationships per candidate; tests/integration/similarity.test.ts keeps the two
// statements answering alike. $exclude ids are never returned; $limit caps the results.
MATCH (seed:Work) WHERE seed.id IN $ids
OPTIONAL MATCH (seed)-[:PRESENTS]-(twin:Work)
WITH collect(DISTINCT seed) + collect(DISTINCT twin) AS seeds
OPTIONAL MATCH (left:Work)-[:PRESENTS]-(leftTwin:Work) WHERE left.id IN $exclude
WITH seeds, [s IN seeds | s.id] + $exclude + collect(DISTINCT leftTwin.id) AS skip
UNWIND seeds AS s
// The seed's rarest neighbouring concepts, as related-work.cypher picks them: once per seed.
CALL (s) {
  MATCH (s)-[:DISCUSSES]->(c:Concept)-[:RELATED_TO|BROADER]-(n:Concept)
  WHERE NOT (s)-[:DISCUSSES]->(n)
  WITH c, n, COUNT { (n)<-[:DISCUSSES]-() } AS degree
  WHERE degree <= $hubLimit
  WITH c, n, degree ORDER BY degree, n.id, c.id LIMIT $neighbours
  RETURN collect({c: c, n: n, degree: degree}) AS near
}
// The works citing the seed with the shortest reference lists, as related-work.cypher picks them.
CALL (s, seeds) {
  MATCH (s)<-[:CITES]-(c:Work)
  WHERE NOT c IN seeds
  WITH DISTINCT c
  WITH c, COUNT { (c)-[:CITES]->() } AS degree
  WHERE degree >= 2 AND degree <= $hubLimit
  WITH c, degree ORDER BY degree, c.title, c.id LIMIT $coCiting
  WITH c, degree, 'citing ' + coalesce(COLLECT { MATCH (t:Talk)-[:PRESENTS]->(c) RETURN t.id ORDER BY t.id LIMIT 1 }[0], c.id) AS key
  // What each of them cites, read once here rather than tested against every candidate.
  MATCH (c)-[theirs:CITES]->(cited:Work)
  RETURN collect({c: c, degree: degree, key: key, cited: cited, evidence: theirs}) AS coCited
}
// The seed's concepts, people (but those it only mentions) and cited papers, read once: each
// candidate is matched from its own few relationships into these, not the other way round.
WITH seeds, skip, s, near, coCited,
     COLLECT { MATCH (s)-[:DISCUSSES]->(c:Concept) RETURN DISTINCT c } AS concepts,
     COLLECT { MATCH (s)<-[mine:CONTRIBUTED_TO]-(p:Person) WHERE mine.role <> 'MENTIONED' RETURN DISTINCT p } AS people,
     COLLECT { MATCH (s)-[:CITES]->(p:Paper) WHERE NOT p IN seeds RETURN DISTINCT p } AS cited
WITH seeds, skip, s, near, coCited, concepts, people, cited, [x IN near | x.n] AS nearConcepts
UNWIND $works AS id
MATCH (work:Work {id: id}) WHERE NOT work.id IN skip
// A candidate is a work in every form: itself and the paper it presents.
UNWIND [work] + COLLECT { MATCH (work)-[:PRESENTS]->(paper:Paper) RETURN paper } AS w
// The works w is one with (a talk presenting it, the paper it presents): no reason goes through them.
WITH seeds, s, near, coCited, concepts, people, cited, nearConcepts, work, w, COLLECT { MATCH (w)-[:PRESENTS]-(twin) RETURN twin } AS twins
CALL (s, w, near, nearConcepts, coCited, concepts, people, cited, twins) {
  MATCH (w)-[theirs:DISCUSSES]->(c:Concept) WHERE c IN concepts
  WITH c, theirs, COUNT { (c)<-[:DISCUSSES]-() } AS degree
  WHERE degree <= $hubLimit
  RETURN 'SHARED_CONCEPT' AS kind, 'concept ' + c.id AS key, 1.0 / log(degree) AS weight, [c] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]->(w)
  RETURN type(r) AS kind, type(r) + ' OUT' AS key, $referenceWeights[type(r)] AS weight, [] AS via, r AS evidence, 'OUT' AS direction
  UNION ALL
  MATCH (s)<-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(w)
  RETURN type(r) AS kind, type(r) + ' IN' AS key, $referenceWeights[type(r)] AS weight, [] AS via, r AS evidence, 'IN' AS direction
  UNION ALL
  MATCH (s)-[:IN_SESSION]->(session:Session)<-[:IN_SESSION]-(w:Talk)
  WHERE COUNT { (session)<-[:IN_SESSION]-() } <= $hubLimit
  RETURN 'SAME_SESSION' AS kind, 'session ' + session.id AS key, $reasonWeights.SAME_SESSION AS weight, [session] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:PART_OF]-(w:Talk)
  RETURN 'SAME_TALK' AS kind, 'talk' AS key, $reasonWeights.SAME_TALK AS weight, [] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:PART_OF]->(parent:Talk)<-[:PART_OF]-(w:Talk)
  RETURN 'SIBLING_SECTION' AS kind, 'parent ' + parent.id AS key, $reasonWeights.SIBLING_SECTION AS weight, [parent] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (w)<-[theirs:CONTRIBUTED_TO]-(p:Person)
  WHERE p IN people AND theirs.role <> 'MENTIONED' AND COUNT { (p)-[:CONTRIBUTED_TO]->() } <= $hubLimit
  RETURN 'SHARED_PERSON' AS kind, 'person ' + p.id AS key, $reasonWeights.SHARED_PERSON AS weight, [p] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (w)-[theirs:DISCUSSES]->(n:Concept) WHERE n IN nearConcepts
  UNWIND [x IN near WHERE x.n = n] AS x
  RETURN 'NEIGHBOURING_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.NEIGHBOURING_CONCEPT / log(1 + x.degree) AS weight, [x.c, n] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (w)-[theirs:CITES]->(p:Paper)
  WHERE p IN cited AND NOT p IN twins
  WITH p, theirs, COUNT { (p)<-[:CITES]-() } AS degree
  WHERE degree <= $hubLimit
  RETURN 'BIBLIOGRAPHIC_COUPLING' AS kind, 'cited ' + p.id AS key, $reasonWeights.BIBLIOGRAPHIC_COUPLING / log(degree) AS weight, [p] AS via, theirs AS evidence, null AS direction
  UNION ALL
  UNWIND [x IN coCited WHERE x.cited = w AND NOT x.c IN twins] AS x
  RETURN 'CO_CITATION' AS kind, x.key AS key, $reasonWeights.CO_CITATION / log(x.degree) AS weight, [x.c] AS via, x.evidence AS evidence, null AS direction
}
WITH work, key, kind, weight, via, evidence, direction, s.id AS seed
// Of equal weights, the one from the first seed through the first nodes, so both statements agree.
ORDER BY weight DESC, seed, reduce(k = '', v IN via | k + v.id + ' ')
// Each piece of evidence once, through the talk or its paper, from any seed: the heaviest.
WITH work, key, head(collect({kind: kind, weight: weight, seed: seed, direction: direction, via: via, evidence: evidence})) AS reason
WITH work, collect(reason) AS found,
     sum(CASE WHEN reason.kind IN $stated THEN reason.weight ELSE 0.0 END) AS stated,
     sum(CASE WHEN reason.kind IN $stated THEN 0.0 ELSE reason.weight END) AS inferred
WITH work, found, stated, inferred, stated + $saturation * (1 - exp(-inferred / $saturation)) AS score
// Scores rounded: equal sums differ in their last bits with the order they were added in.
ORDER BY round(score, 9) DESC, work.title, work.id
LIMIT $limit
// Rank first, then build the reasons' maps (every property of every node) for the $limit results only.
CALL (found) {
  UNWIND found AS r
  WITH r, r.evidence AS evidence
  ORDER BY r.weight DESC
  RETURN collect({
  kind: r.kind, weight: r.weight, seed: r.seed, direction: r.direction,
  via: [v IN r.via | v {.*, __type: head([l IN labels(v) WHERE l IN ['Concept', 'Person', 'Session', 'Talk', 'Paper']])}],
  source: CASE WHEN evidence IS NULL OR evidence.quote IS NULL THEN null ELSE evidence {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END
}) AS reasons
}
RETURN work {.*, __type: CASE WHEN work:Talk THEN 'Talk' ELSE 'Paper' END} AS work, score, stated, inferred, reasons
