// Removes the embeddings of nodes that are gone (deleted, or merged into another concept).
MATCH (e:Embedding)
WHERE NOT (e)-[:EMBEDS]->()
DELETE e
RETURN count(*) AS removed
