// Stores the vectors of $rows ({id, kind, textHash, vector, definitionVector}) under $model and
// $version (the model file's hash), one :Embedding per node, as 32-bit floats
// (db.create.setNodeVectorProperty) for the vector indexes. `definitionVector`, a concept's
// definition alone, is null for works and for a concept without a definition.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MERGE (e:Embedding {id: row.id})
SET e.model = $model, e.modelVersion = $version, e.kind = row.kind, e.textHash = row.textHash
REMOVE e.definitionVector
MERGE (e)-[:EMBEDS]->(n)
WITH e, row
CALL db.create.setNodeVectorProperty(e, 'vector', row.vector)
CALL (e, row) {
  WITH e, row WHERE row.definitionVector IS NOT NULL
  CALL db.create.setNodeVectorProperty(e, 'definitionVector', row.definitionVector)
}
RETURN count(*) AS written
