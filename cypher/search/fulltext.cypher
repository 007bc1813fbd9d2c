// Full-text search with $query (search/lucene-query). A node whose name, title or alias is
// exactly the text ($key) comes before the rest. $labels restricts the kinds (empty: all).
// Returns the total and one page of hits.
CALL db.index.fulltext.queryNodes('search', $query, {limit: $scanLimit}) YIELD node, score
WITH node, score
WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
WITH node, score,
     $key IN coalesce(node.keys, []) OR toLower(coalesce(node.name, node.title, '')) = $key AS exact
ORDER BY exact DESC, score DESC
WITH collect({node: node, score: score}) AS hits
WITH size(hits) AS total, hits[$offset..($offset + $limit)] AS page
CALL (page) {
  UNWIND page AS hit
  WITH hit.node AS n, hit.score AS score
  RETURN collect({score: score, node: n {.*, __type: head([label IN labels(n) WHERE label IN ['Talk', 'Paper', 'Concept', 'Person']])}}) AS items
}
RETURN total, items
