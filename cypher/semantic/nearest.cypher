// The talks, papers or concepts whose text is nearest in meaning to $vector, under $model, of the
// kinds in $kinds (empty: all), at least $atLeast similar, best first (`meaning`). Neo4j's cosine
// score is (1 + cosine) / 2; similarity is the cosine. With $definitions, a concept is as near as
// the nearer of its whole text and its definition alone (schema.cypher). The index is asked for $scan candidates,
// since the kind and model are filtered afterwards.
//
// `works` ranks, for hybrid search, the works that discuss the first $conceptCount concepts of
// `meaning` (0: none): those of an earlier concept first, then those discussing more of them; each
// with `via`, the ids of those concepts it discusses. $workKinds limits them to talks or papers
// (empty: both). Each concept lends at most $perConcept works, so that a concept discussed by
// thousands of works costs no more than a small one; `via` still counts every concept a work
// discusses.
CALL () {
  CALL db.index.vector.queryNodes('embedding_vector', $scan, $vector) YIELD node AS e, score
  RETURN e, score
  UNION ALL
  WITH 1 AS concepts WHERE $definitions AND (size($kinds) = 0 OR 'Concept' IN $kinds)
  CALL db.index.vector.queryNodes('embedding_definition_vector', $scan, $vector) YIELD node AS e, score
  RETURN e, score
}
WITH e, max(2 * score - 1) AS similarity
WHERE e.model = $model AND (size($kinds) = 0 OR e.kind IN $kinds) AND similarity >= $atLeast
MATCH (e)-[:EMBEDS]->(n)
WITH e, n, similarity
ORDER BY similarity DESC
LIMIT $limit
WITH collect({node: n {.*, __type: e.kind}, similarity: similarity}) AS meaning,
     collect(CASE WHEN e.kind = 'Concept' THEN n.id END)[..$conceptCount] AS ids
CALL (ids) {
  UNWIND range(0, size(ids) - 1) AS i
  CALL (ids, i) {
    MATCH (:Concept {id: ids[i]})<-[:DISCUSSES]-(w:Work)
    WHERE size($workKinds) = 0 OR any(label IN labels(w) WHERE label IN $workKinds)
    RETURN w
    LIMIT $perConcept
  }
  WITH DISTINCT w
  WITH w, [(w)-[:DISCUSSES]->(c:Concept) WHERE c.id IN ids | c.id] AS discussed
  WITH w, [i IN range(0, size(ids) - 1) WHERE ids[i] IN discussed] AS at
  ORDER BY at[0], size(at) DESC, w.id
  LIMIT $limit
  RETURN collect({node: w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END}, via: [i IN at | ids[i]]}) AS works
}
RETURN meaning, works
