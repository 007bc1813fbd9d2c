// Every node of the graph but the embeddings (derived: a restore computes them again) and the
// curation log (export/changes), with its labels, properties and the type of each property.
MATCH (n)
WHERE NOT n:Embedding AND NOT n:Change
RETURN labels(n) AS labels, properties(n) AS properties, collect { UNWIND keys(n) AS key RETURN [key, valueType(n[key])] } AS types
