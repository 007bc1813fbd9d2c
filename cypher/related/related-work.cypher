// Ranked related work for a set of seed works ($ids). A talk and the paper it presents are one
// work: as seeds, as results (a presented paper is ranked as the talk presenting it), and in
// $exclude. Each piece of evidence counts once, under its key (below); when two reasons share a
// key (a concept both seeds discuss; a concept shared with one seed and a neighbour of the
// other's) the heavier stands. Reason weights:
//   SHARED_CONCEPT        1 / ln(number of works discussing the concept)   (Adamic-Adar)
//   reference edge        $referenceWeights[type], either direction
//   SAME_SESSION, SAME_TALK (section and its talk), SIBLING_SECTION, SHARED_PERSON (per person,
//   mentions excluded): $reasonWeights[kind]
//   NEIGHBOURING_CONCEPT  $reasonWeights.NEIGHBOURING_CONCEPT / ln(1 + works discussing the neighbour),
//                         through the $neighbours rarest neighbours of each seed
//   BIBLIOGRAPHIC_COUPLING $reasonWeights.BIBLIOGRAPHIC_COUPLING / ln(works citing the shared paper)
//   CO_CITATION           $reasonWeights.CO_CITATION / ln(length of the co-citing work's reference list),
//                         through the $coCiting works citing each seed with the shortest lists;
//                         keyed by the co-citing work as a result would name it (a talk and its
//                         paper citing both are one piece of evidence)
//   Neither goes through a seed or the result themselves (a seed's or result's own paper as the
//   shared reference, or as the co-citing work): that is a CITES edge between the two, above.
// The score: reasons of the $stated kinds (links the notes state) add up; the others (inferred
// from shared concepts, sessions, people) add up to at most $saturation, approached as
// $saturation * (1 - e^(-sum / $saturation)), so many weak reasons never outweigh a stated link.
// Hub damping: a concept, session or person shared by more than $hubLimit works says too little
// to relate two of them (1 / ln(1000) is 0.14) and gives no reason, and so does a paper cited by
// more than $hubLimit works or a work citing more than $hubLimit; this bounds the rows a seed
// reads however large the graph. (The weights: src/model/vocabulary.ts; reasons-between.cypher
// ranks the same way among given candidates.) $limit caps the results.
MATCH (seed:Work) WHERE seed.id IN $ids
OPTIONAL MATCH (seed)-[:PRESENTS]-(twin:Work)
WITH collect(DISTINCT seed) + collect(DISTINCT twin) AS seeds
OPTIONAL MATCH (left:Work)-[:PRESENTS]-(leftTwin:Work) WHERE left.id IN $exclude
WITH seeds, [s IN seeds | s.id] + $exclude + collect(DISTINCT leftTwin.id) AS skip
UNWIND seeds AS s
CALL (s, seeds) {
  MATCH (s)-[:DISCUSSES]->(c:Concept)
  WITH s, c, COUNT { (c)<-[:DISCUSSES]-() } AS degree
  WHERE degree <= $hubLimit
  MATCH (c)<-[theirs:DISCUSSES]-(w:Work)
  RETURN w, 'SHARED_CONCEPT' AS kind, 'concept ' + c.id AS key, 1.0 / log(degree) AS weight, [c] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]->(w:Work)
  RETURN w, type(r) AS kind, type(r) + ' OUT' AS key, $referenceWeights[type(r)] AS weight, [] AS via, r AS evidence, 'OUT' AS direction
  UNION ALL
  MATCH (s)<-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(w:Work)
  RETURN w, type(r) AS kind, type(r) + ' IN' AS key, $referenceWeights[type(r)] AS weight, [] AS via, r AS evidence, 'IN' AS direction
  UNION ALL
  MATCH (s)-[:IN_SESSION]->(session:Session)
  WHERE COUNT { (session)<-[:IN_SESSION]-() } <= $hubLimit
  MATCH (session)<-[:IN_SESSION]-(w:Talk)
  RETURN w, 'SAME_SESSION' AS kind, 'session ' + session.id AS key, $reasonWeights.SAME_SESSION AS weight, [session] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:PART_OF]-(w:Talk)
  RETURN w, 'SAME_TALK' AS kind, 'talk' AS key, $reasonWeights.SAME_TALK AS weight, [] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:PART_OF]->(parent:Talk)<-[:PART_OF]-(w:Talk)
  RETURN w, 'SIBLING_SECTION' AS kind, 'parent ' + parent.id AS key, $reasonWeights.SIBLING_SECTION AS weight, [parent] AS via, null AS evidence, null AS direction
  UNION ALL
  MATCH (s)<-[mine:CONTRIBUTED_TO]-(p:Person)
  WHERE mine.role <> 'MENTIONED' AND COUNT { (p)-[:CONTRIBUTED_TO]->() } <= $hubLimit
  MATCH (p)-[theirs:CONTRIBUTED_TO]->(w:Work)
  WHERE theirs.role <> 'MENTIONED'
  RETURN w, 'SHARED_PERSON' AS kind, 'person ' + p.id AS key, $reasonWeights.SHARED_PERSON AS weight, [p] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:DISCUSSES]->(c:Concept)-[:RELATED_TO|BROADER]-(n:Concept)
  WHERE NOT (s)-[:DISCUSSES]->(n)
  WITH s, c, n, COUNT { (n)<-[:DISCUSSES]-() } AS degree
  WHERE degree <= $hubLimit
  // The rarest neighbours only: the others weigh next to nothing and would bring most of the rows.
  WITH s, c, n, degree ORDER BY degree, n.id, c.id LIMIT $neighbours
  MATCH (n)<-[theirs:DISCUSSES]-(w:Work)
  RETURN w, 'NEIGHBOURING_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.NEIGHBOURING_CONCEPT / log(1 + degree) AS weight, [c, n] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (s)-[:CITES]->(p:Paper)
  WHERE NOT p IN seeds
  WITH s, p, COUNT { (p)<-[:CITES]-() } AS degree
  WHERE degree <= $hubLimit
  MATCH (p)<-[theirs:CITES]-(w:Work)
  WHERE NOT (w)-[:PRESENTS]-(p)
  RETURN w, 'BIBLIOGRAPHIC_COUPLING' AS kind, 'cited ' + p.id AS key, $reasonWeights.BIBLIOGRAPHIC_COUPLING / log(degree) AS weight, [p] AS via, theirs AS evidence, null AS direction
  UNION ALL
  MATCH (s)<-[:CITES]-(c:Work)
  WHERE NOT c IN seeds
  WITH DISTINCT s, c
  WITH s, c, COUNT { (c)-[:CITES]->() } AS degree
  WHERE degree >= 2 AND degree <= $hubLimit
  // The works with the shortest reference lists only: they weigh the most, and a much-cited seed stays bounded.
  WITH s, c, degree ORDER BY degree, c.title, c.id LIMIT $coCiting
  MATCH (c)-[theirs:CITES]->(w:Work)
  WHERE NOT (w)-[:PRESENTS]-(c)
  RETURN w, 'CO_CITATION' AS kind,
         'citing ' + coalesce(COLLECT { MATCH (t:Talk)-[:PRESENTS]->(c) RETURN t.id ORDER BY t.id LIMIT 1 }[0], c.id) AS key,
         $reasonWeights.CO_CITATION / log(degree) AS weight, [c] AS via, theirs AS evidence, null AS direction
}
WITH skip, s, w, kind, key, weight, via, evidence, direction
WHERE NOT w.id IN skip
WITH w, key, kind, weight, via, evidence, direction, s.id AS seed
// Of equal weights, the one from the first seed through the first nodes, so both statements agree.
ORDER BY weight DESC, seed, reduce(k = '', v IN via | k + v.id + ' ')
WITH w, key, head(collect({kind: kind, weight: weight, seed: seed, direction: direction, via: via, evidence: evidence})) AS reason
// A paper presented by a talk is ranked as that talk; its evidence and the talk's count once.
WITH CASE WHEN w:Paper THEN coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(w) RETURN talk ORDER BY talk.id LIMIT 1 }[0], w) ELSE w END AS work,
     key, reason
ORDER BY reason.weight DESC, reason.seed, reduce(k = '', v IN reason.via | k + v.id + ' ')
WITH work, key, head(collect(reason)) AS reason
WITH work, collect(reason) AS found,
     sum(CASE WHEN reason.kind IN $stated THEN reason.weight ELSE 0.0 END) AS stated,
     sum(CASE WHEN reason.kind IN $stated THEN 0.0 ELSE reason.weight END) AS inferred
WITH work, found, stated, inferred, stated + $saturation * (1 - exp(-inferred / $saturation)) AS score
// Scores rounded: equal sums differ in their last bits with the order they were added in.
ORDER BY round(score, 9) DESC, work.title, work.id
LIMIT $limit
// Rank first, then build the reasons' maps (every property of every node) for the $limit results only.
// (None when only the ranking is wanted, $withReasons false: the lists of src/graph/similarity.ts.)
CALL (found) {
  UNWIND CASE WHEN $withReasons THEN found ELSE [] END AS r
  WITH r, r.evidence AS evidence
  ORDER BY r.weight DESC
  RETURN collect({
  kind: r.kind, weight: r.weight, seed: r.seed, direction: r.direction,
  via: [v IN r.via | v {.*, __type: head([l IN labels(v) WHERE l IN ['Concept', 'Person', 'Session', 'Talk', 'Paper']])}],
  source: CASE WHEN evidence IS NULL OR evidence.quote IS NULL THEN null ELSE evidence {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END
}) AS reasons
}
RETURN work {.*, __type: CASE WHEN work:Talk THEN 'Talk' ELSE 'Paper' END} AS work, score, stated, inferred, reasons
