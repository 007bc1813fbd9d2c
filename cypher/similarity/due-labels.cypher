// Whether every work whose related-work list is missing or stale is labelled SimilarDue (set by
// similarity/due-labelled.cypher), once lists are in use.
MATCH (b:SimilarityBuild)
RETURN coalesce(b.dueLabelled, false) AS labelled
