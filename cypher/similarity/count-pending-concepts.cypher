// How many concepts similarity/pending-concepts.cypher will return in all (for a progress bar),
// how many works discuss them in all (their reach: src/graph/concept-lists.ts ranks them in memory
// when it is large), and how many works the graph has.
MATCH (c:Concept)
WHERE CASE
    WHEN c.similarAt IS NULL THEN $all OR $fillMissing
    ELSE coalesce(c.similarEpoch, 0) <> c.similarBuiltEpoch OR ($all AND c.similarAt < $since)
  END
WITH count(c) AS n, sum(COUNT { (c)<-[:DISCUSSES]-() }) AS reach
RETURN n, reach, COUNT { (:Work) } AS works
