// Labels EmbeddingQueued the works among $ids that have an embedding: their text changed through
// a concept's new name (src/db/search-text.ts), and the embedding refresh embeds them again in
// the background, a few at a time (src/embed/refresh-plugin.ts). A work without an embedding is
// embedded by the next refresh of every text anyway.
UNWIND $ids AS id
MATCH (w:Work {id: id})
WHERE EXISTS { (:Embedding)-[:EMBEDS]->(w) }
SET w:EmbeddingQueued
RETURN count(w) AS queued
