// Works related to a concept ($key: its id, or a lowercased name or alias), ranked. Reasons, each
// weighing $reasonWeights[kind] (src/model/vocabulary.ts):
//   DISCUSSES; NARROWER_CONCEPT, RELATED_CONCEPT, BROADER_CONCEPT (the work discusses a narrower /
//   related / broader concept); PRESENTED_TOGETHER (the talk or paper of a work that discusses it);
//   a reference edge to or from a work that discusses it: REFERENCE_OF_DISCUSSING_WORK x $referenceWeights[type].
MATCH (c:Concept) WHERE c.id = $key OR $key IN c.keys
WITH c LIMIT 1
CALL (c) {
  MATCH (c)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'DISCUSSES' AS kind, $reasonWeights.DISCUSSES AS weight, [c] AS via, r AS evidence
  UNION ALL
  MATCH (c)<-[:BROADER]-(n:Concept)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'NARROWER_CONCEPT' AS kind, $reasonWeights.NARROWER_CONCEPT AS weight, [n] AS via, r AS evidence
  UNION ALL
  MATCH (c)-[:RELATED_TO]-(n:Concept)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'RELATED_CONCEPT' AS kind, $reasonWeights.RELATED_CONCEPT AS weight, [n] AS via, r AS evidence
  UNION ALL
  MATCH (c)-[:BROADER]->(n:Concept)<-[r:DISCUSSES]-(w:Work)
  RETURN w, 'BROADER_CONCEPT' AS kind, $reasonWeights.BROADER_CONCEPT AS weight, [n] AS via, r AS evidence
  UNION ALL
  MATCH (c)<-[:DISCUSSES]-(d:Work)-[:PRESENTS]-(w:Work)
  RETURN w, 'PRESENTED_TOGETHER' AS kind, $reasonWeights.PRESENTED_TOGETHER AS weight, [d] AS via, null AS evidence
  UNION ALL
  MATCH (c)<-[:DISCUSSES]-(d:Work)-[r:FOLLOW_UP_READ|RELATED|SEE_ALSO|BUILDS_ON|CITES]-(w:Work)
  RETURN w, type(r) AS kind, $reasonWeights.REFERENCE_OF_DISCUSSING_WORK * $referenceWeights[type(r)] AS weight, [d] AS via, r AS evidence
}
WITH w, kind, via, max(weight) AS weight, head(collect(evidence)) AS evidence
// Rank first, then build the reasons' maps (every property of every node) for the $limit results only.
WITH w, sum(weight) AS score, collect({kind: kind, weight: weight, via: via, evidence: evidence}) AS found
ORDER BY score DESC, w.title
LIMIT $limit
CALL (found) {
  UNWIND found AS r
  WITH r.kind AS kind, r.weight AS weight, r.via AS via, r.evidence AS evidence
  RETURN collect({
  kind: kind, weight: weight, seed: null, direction: null,
  via: [v IN via | v {.*, __type: head([l IN labels(v) WHERE l IN ['Concept', 'Talk', 'Paper']])}],
  source: CASE WHEN evidence IS NULL OR evidence.quote IS NULL THEN null ELSE evidence {.document, .line, .quote, .url, .record, .field, .origin, .confidence} END
}) AS reasons
}
RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS work, score, reasons
