// Full-text search. $query is a Lucene query built by src/db/lucene.ts from escaped user input;
// $labels restricts the kinds (empty: all). Returns the total and one page of hits.
CALL db.index.fulltext.queryNodes('search', $query, {limit: $scanLimit}) YIELD node, score
WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
WITH collect({node: node, score: score}) AS hits
WITH size(hits) AS total, hits[$offset..($offset + $limit)] AS page
CALL (page) {
  UNWIND page AS hit
  WITH hit.node AS n, hit.score AS score
  RETURN collect({score: score, node: n {.*, __type: head([label IN labels(n) WHERE label IN ['Talk', 'Paper', 'Concept', 'Person']])}}) AS items
}
RETURN total, items
