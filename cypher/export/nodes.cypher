// Every node of the graph but the embeddings and related-work lists (derived: a restore computes
// them again), the marks of imports in progress (import/begin.cypher), the reports of finished
// imports (import/save-report) and the curation log (export/changes), with its labels, properties
// and the type of each property.
MATCH (n)
WHERE NOT n:Embedding AND NOT n:SimilarList AND NOT n:Change AND NOT n:ImportRun AND NOT n:ImportReport
RETURN labels(n) AS labels, properties(n) AS properties, collect { UNWIND keys(n) AS key RETURN [key, valueType(n[key])] } AS types
