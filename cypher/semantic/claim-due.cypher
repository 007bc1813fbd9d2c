// What semantic/texts.cypher reads, for the nodes labelled EmbeddingDue (a curation touched them),
// or with $queued up to $limit of those labelled EmbeddingQueued (a concept they discuss was
// renamed); the label goes as they are read, so a change committed after this read labels its node
// again for the next refresh.
CALL () {
  MATCH (n:EmbeddingDue) WHERE NOT $queued RETURN n
  UNION
  MATCH (n:EmbeddingQueued) WHERE $queued RETURN n
}
WITH n LIMIT $limit
REMOVE n:EmbeddingDue, n:EmbeddingQueued
WITH n
OPTIONAL MATCH (e:Embedding)-[:EMBEDS]->(n)
RETURN n.id AS id, CASE WHEN n:Concept THEN 'Concept' WHEN n:Talk THEN 'Talk' ELSE 'Paper' END AS kind,
  n.title AS title, n.summary AS summary, n.abstract AS abstract, n.conceptText AS conceptText,
  n.name AS name, n.aliases AS aliases, n.definition AS definition,
  e.model AS model, e.modelVersion AS modelVersion, e.textHash AS textHash, e.definitionVector IS NOT NULL AS definitionEmbedded
