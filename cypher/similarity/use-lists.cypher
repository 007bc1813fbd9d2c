// Lists are in use from now on: writes mark the lists they change stale (similarity/mark-stale.cypher).
MERGE (b:SimilarityBuild {id: 'rebuild'})
ON CREATE SET b.since = $now
