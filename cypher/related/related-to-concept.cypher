// Works related to a concept ($key: its id, or a lowercased name or alias), ranked. A talk and the
// paper it presents are one work (a presented paper is ranked as the talk presenting it). Reasons,
// each weighing $reasonWeights[kind] (src/model/vocabulary.ts):
//   DISCUSSES; NARROWER_CONCEPT, RELATED_CONCEPT, BROADER_CONCEPT (the work discusses a narrower /
//   related / broader concept); a reference edge to or from another work that discusses it:
//   REFERENCE_OF_DISCUSSING_WORK x $referenceWeights[type].
// Each piece of evidence counts once: a concept (the concept itself, or a neighbour linked to it
// in more than one way) under its heaviest kind; a reference under its type and the work at its
// other end. The score: $stated kinds add up, the others saturate at $saturation (as in
// related-work.cypher). Hub damping as there: a neighbouring concept of more than $hubLimit works
// gives no reason, nor do the references of the works of a concept of more than $hubLimit works.
CALL () {
  MATCH (c:Entity {id: $key}) WHERE c:Concept
  RETURN c, 0 AS byName
  UNION
  CALL db.index.fulltext.queryNodes('name_keys', '"' + replace(replace($key, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS c
  WITH c WHERE c:Concept AND $key IN c.keys
  RETURN c, 1 AS byName
}
WITH c ORDER BY byName LIMIT 1
CALL (c) {
  MATCH (c)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'DISCUSSES' AS kind, 'concept ' + c.id AS key, $reasonWeights.DISCUSSES AS weight, [c] AS via, r AS evidence, null AS other
  UNION ALL
  MATCH (c)<-[:BROADER]-(n:Concept) WHERE COUNT { (n)<-[:DISCUSSES]-() } <= $hubLimit
  MATCH (n)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'NARROWER_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.NARROWER_CONCEPT AS weight, [n] AS via, r AS evidence, null AS other
  UNION ALL
  MATCH (c)-[:RELATED_TO]-(n:Concept) WHERE COUNT { (n)<-[:DISCUSSES]-() } <= $hubLimit
  MATCH (n)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'RELATED_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.RELATED_CONCEPT AS weight, [n] AS via, r AS evidence, null AS other
  UNION ALL
  MATCH (c)-[:BROADER]->(n:Concept) WHERE COUNT { (n)<-[:DISCUSSES]-() } <= $hubLimit
  MATCH (n)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'BROADER_CONCEPT' AS kind, 'concept ' + n.id AS key, $reasonWeights.BROADER_CONCEPT AS weight, [n] AS via, r AS evidence, null AS other
  UNION ALL
  // Hub damping before the walk, so that a hub's works are never expanded.
  WITH c WHERE COUNT { (c)<-[:DISCUSSES]-() } <= $hubLimit
  MATCH (c)<-[:DISCUSSES]-(d:Work)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(w:Work)
  RETURN w, type(r) AS kind, type(r) AS key, $reasonWeights.REFERENCE_OF_DISCUSSING_WORK * $referenceWeights[type(r)] AS weight, [d] AS via, r AS evidence, d AS other
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
// (None when only the ranking is wanted, $withReasons false: the concept lists of src/graph/concept-lists.ts.)
CALL (found) {
  UNWIND CASE WHEN $withReasons THEN found ELSE [] END AS r
  WITH r, r.evidence AS evidence
  ORDER BY r.weight DESC
  RETURN collect({
  kind: r.kind, weight: r.weight, seed: null, direction: null,
  via: [v IN r.via | v {.*, __type: head([l IN labels(v) WHERE l IN ['Concept', 'Talk', 'Paper']])}],
  source: CASE WHEN evidence IS NULL OR evidence.quote IS NULL THEN null ELSE evidence {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END
}) AS reasons
}
RETURN work {.*, __type: CASE WHEN work:Talk THEN 'Talk' ELSE 'Paper' END} AS work, score, stated, inferred, reasons
