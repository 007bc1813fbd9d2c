// Drops the vector index of schema.cypher, so that schema.cypher builds it again with today's options.
DROP INDEX embedding_vector IF EXISTS
