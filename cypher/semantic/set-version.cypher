// Embeddings stored before the model's version was recorded, whose text has not changed since:
// they were made by the same pinned model file, so they get its version ($version) without being
// embedded again. $ids: their nodes' ids.
UNWIND $ids AS id
MATCH (e:Embedding {id: id})
WHERE e.model = $model AND e.modelVersion IS NULL
SET e.modelVersion = $version
RETURN count(*) AS versioned
