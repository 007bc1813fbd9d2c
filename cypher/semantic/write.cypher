// Stores the vectors of $rows ({id, kind, textHash, vector}) under $model and $version (the model
// file's hash), one :Embedding per node,
// as 32-bit floats (db.create.setNodeVectorProperty) for the vector index.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MERGE (e:Embedding {id: row.id})
SET e.model = $model, e.modelVersion = $version, e.kind = row.kind, e.textHash = row.textHash
MERGE (e)-[:EMBEDS]->(n)
WITH e, row
CALL db.create.setNodeVectorProperty(e, 'vector', row.vector)
RETURN count(*) AS written
