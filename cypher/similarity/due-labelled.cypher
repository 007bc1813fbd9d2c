// Records that every work whose related-work list is missing or stale is labelled SimilarDue: from
// now on, writes label what they make stale (similarity/mark-stale.cypher).
MATCH (b:SimilarityBuild)
SET b.dueLabelled = true
