// Whether related-work lists are in use: a rebuild has begun (similarity/build-begin.cypher, or
// similarity/use-lists.cypher). Until then no write marks anything stale.
RETURN EXISTS { MATCH (:SimilarityBuild) } AS used
