// Works related to concept $id, ranked among given candidates only ($works: the works of its
// precomputed list, src/graph/concept-lists.ts), with the reasons for the returned page. The
// reasons, their keys and weights, hub damping and the score are those of related-to-concept.cypher,
// matched here between the concept and each candidate (the work and the paper it presents, when it
// is the first talk presenting it) instead of found from the concept's side;
// tests/integration/concept-lists.test.ts keeps the two statements answering alike. $limit caps
// the results.
MATCH (c:Concept {id: $id})
UNWIND $works AS candidate
MATCH (shown:Work {id: candidate})
UNWIND [shown] + COLLECT {
  MATCH (shown)-[:PRESENTS]->(paper:Paper)
  WHERE COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(paper) RETURN talk ORDER BY talk.id LIMIT 1 }[0] = shown
  RETURN paper
} AS w
CALL (c, w) {
  MATCH (c)<-[r:DISCUSSES]-(w)
  RETURN 'DISCUSSES' AS kind, 'concept ' + c.id AS key, $reasonWeights.DISCUSSES AS weight, [c] AS via, r AS evidence, null AS other
  UNION ALL
  MATCH (c)<-[:BROADER]-(n:Concept)<-[r:DISCUSSES]-(w) WHERE COUNT { (n)<-[:DISCUSSES]-() } <= $hubLimit
  RETURN 'NARROWER_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.NARROWER_CONCEPT AS weight, [n] AS via, r AS evidence, null AS other
  UNION ALL
  MATCH (c)-[:RELATED_TO]-(n:Concept)<-[r:DISCUSSES]-(w) WHERE COUNT { (n)<-[:DISCUSSES]-() } <= $hubLimit
  RETURN 'RELATED_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.RELATED_CONCEPT AS weight, [n] AS via, r AS evidence, null AS other
  UNION ALL
  MATCH (c)-[:BROADER]->(n:Concept)<-[r:DISCUSSES]-(w) WHERE COUNT { (n)<-[:DISCUSSES]-() } <= $hubLimit
  RETURN 'BROADER_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.BROADER_CONCEPT AS weight, [n] AS via, r AS evidence, null AS other
  UNION ALL
  // Hub damping first, then from the concept's works to the candidate: a much-cited candidate
  // has tens of thousands of references to walk, a concept within the hub limit at most $hubLimit works.
  WITH c, w WHERE COUNT { (c)<-[:DISCUSSES]-() } <= $hubLimit
  MATCH (c)<-[:DISCUSSES]-(d:Work)
  WITH DISTINCT d, w
  MATCH (d)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(w)
  RETURN type(r) AS kind, type(r) AS key, $reasonWeights.REFERENCE_OF_DISCUSSING_WORK * $referenceWeights[type(r)] AS weight, [d] AS via, r AS evidence, d AS other
}
// One work for a talk and its paper: each end of a reference as its work.
WITH w, kind, key, weight, via, evidence, other,
     coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(w) RETURN talk ORDER BY talk.id LIMIT 1 }[0], w) AS work,
     CASE WHEN other IS NULL THEN null
          ELSE coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(other) RETURN talk ORDER BY talk.id LIMIT 1 }[0], other) END AS otherWork
// A reference between a talk and its own paper explains nothing.
WHERE otherWork IS NULL OR otherWork <> work
WITH work, CASE WHEN otherWork IS NULL THEN key ELSE key + ' ' + otherWork.id END AS key,
     {kind: kind, weight: weight, via: via, evidence: evidence} AS reason
ORDER BY reason.weight DESC, reduce(k = '', v IN reason.via | k + v.id + ' ')
WITH work, key, head(collect(reason)) AS reason
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
  kind: r.kind, weight: r.weight, seed: null, direction: null,
  via: [v IN r.via | v {.*, __type: head([l IN labels(v) WHERE l IN ['Concept', 'Talk', 'Paper']])}],
  source: CASE WHEN evidence IS NULL OR evidence.quote IS NULL THEN null ELSE evidence {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END
}) AS reasons
}
RETURN work {.*, __type: CASE WHEN work:Talk THEN 'Talk' ELSE 'Paper' END} AS work, score, stated, inferred, reasons
