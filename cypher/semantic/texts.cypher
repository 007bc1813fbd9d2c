// What is embedded: the talks, papers and concepts with the fields their text is made of
// (src/embed/text.ts), and the model, model version and text hash of the stored embedding, if any;
// a page of $limit of them, in id order after the id $after. The Entity id index gives them in
// that order, so a page reads only its own nodes (and the people between them); left to itself the
// planner seeks each label's index and sorts everything after $after, every page.
MATCH (n:Entity)
USING INDEX n:Entity(id)
WHERE n.id > $after AND (n:Talk OR n:Paper OR n:Concept)
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (e:Embedding)-[:EMBEDS]->(n)
RETURN n.id AS id, CASE WHEN n:Concept THEN 'Concept' WHEN n:Talk THEN 'Talk' ELSE 'Paper' END AS kind,
  n.title AS title, n.summary AS summary, n.abstract AS abstract, n.conceptText AS conceptText,
  n.name AS name, n.aliases AS aliases, n.definition AS definition,
  e.model AS model, e.modelVersion AS modelVersion, e.textHash AS textHash, e.definitionVector IS NOT NULL AS definitionEmbedded
