// The last change number given to a concept (similarity/mark-changed-concepts.cypher): a list
// computed from the graph as it is read after this records it as the highest it has seen.
OPTIONAL MATCH (b:SimilarityBuild {id: 'rebuild'})
RETURN coalesce(b.conceptChange, 0) AS change
