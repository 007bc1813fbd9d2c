// Every relationship but the embeddings' and the related-work lists', by the ids of its ends (an unresolved reference by its key).
MATCH (a)-[r]->(b)
WHERE NOT a:Embedding AND NOT b:Embedding AND NOT b:SimilarList
RETURN coalesce(a.id, a.key) AS from, type(r) AS type, coalesce(b.id, b.key) AS to, b:UnresolvedReference AS toUnresolved,
       properties(r) AS properties, collect { UNWIND keys(r) AS key RETURN [key, valueType(r[key])] } AS types
