// What is embedded: every talk, paper and concept with the fields its text is made of
// (src/embed/text.ts), and the model, model version and text hash of its stored embedding, if any.
MATCH (n:Talk|Paper|Concept)
OPTIONAL MATCH (e:Embedding)-[:EMBEDS]->(n)
RETURN n.id AS id, CASE WHEN n:Concept THEN 'Concept' WHEN n:Talk THEN 'Talk' ELSE 'Paper' END AS kind,
  n.title AS title, n.summary AS summary, n.abstract AS abstract, n.conceptText AS conceptText,
  n.name AS name, n.aliases AS aliases, n.definition AS definition,
  e.model AS model, e.modelVersion AS modelVersion, e.textHash AS textHash
