// Whether the vector index of schema.cypher quantizes its vectors (true for an index built by a
// version before 2026-12-06, false after); no row when the index does not exist.
SHOW VECTOR INDEXES YIELD name, options
WHERE name = 'embedding_vector'
RETURN options.indexConfig['vector.quantization.enabled'] AS quantized
