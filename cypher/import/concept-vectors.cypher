// The embeddings of every concept under $model, for linking imported works by meaning.
MATCH (e:Embedding {model: $model})-[:EMBEDS]->(c:Concept)
RETURN c.id AS id, e.vector AS vector
ORDER BY c.id
