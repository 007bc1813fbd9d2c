// The Lucene query search/fulltext runs for a text. $words and $phrase are its pieces, built by
// src/db/lucene.ts from escaped user input. A word that occurs nowhere in the index as typed is taken as a typo and may
// match one edit away (when five letters or more); then the hits must hold every word (or, when
// none holds them all, any word), so a typo finds what is close, not everything. Without typos,
// hits holding every word, or the phrase, score higher than hits holding some. Returns the query
// and whether a typo is forgiven in it.
UNWIND $words AS word
CALL (word) {
  CALL db.index.fulltext.queryNodes('search', word.typed, {limit: 1}) YIELD node
  RETURN count(node) > 0 AS present
}
WITH collect(CASE WHEN present OR word.fuzzy IS NULL THEN word.clause ELSE word.fuzzy END) AS clauses,
     any(p IN collect(NOT present AND word.fuzzy IS NOT NULL) WHERE p) AS fuzzy
WITH fuzzy, reduce(q = head(clauses), c IN tail(clauses) | q + ' AND ' + c) AS every,
     reduce(q = head(clauses), c IN tail(clauses) | q + ' OR ' + c) AS some
CALL (fuzzy, every) {
  CALL db.index.fulltext.queryNodes('search', every, {limit: 1}) YIELD node
  RETURN count(node) > 0 AS together
}
WITH fuzzy, CASE
  WHEN NOT fuzzy THEN '(' + every + ')' + CASE WHEN $phrase = '' THEN '' ELSE ' OR ' + $phrase END + ' OR (' + some + ')'
  WHEN together THEN every
  ELSE some
END AS query
RETURN query, fuzzy
