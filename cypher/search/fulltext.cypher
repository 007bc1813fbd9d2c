// Full-text search. $together, $exact and $fuzzy are Lucene queries built by src/db/lucene.ts
// from escaped user input: the words as typed are searched (cheap); only when they never occur
// together in one node are small typos allowed ($fuzzy, about twice the cost). $labels restricts
// the kinds (empty: all). Returns the total, one page of hits, and whether typos were allowed.
CALL db.index.fulltext.queryNodes('search', $together, {limit: 1}) YIELD node AS found
WITH count(found) = 0 AS fuzzy
CALL db.index.fulltext.queryNodes('search', CASE WHEN fuzzy THEN $fuzzy ELSE $exact END, {limit: $scanLimit}) YIELD node, score
WITH fuzzy, node, score
WHERE size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels)
WITH fuzzy, collect({node: node, score: score}) AS hits
WITH fuzzy, size(hits) AS total, hits[$offset..($offset + $limit)] AS page
CALL (page) {
  UNWIND page AS hit
  WITH hit.node AS n, hit.score AS score
  RETURN collect({score: score, node: n {.*, __type: head([label IN labels(n) WHERE label IN ['Talk', 'Paper', 'Concept', 'Person']])}}) AS items
}
RETURN total, items, fuzzy
