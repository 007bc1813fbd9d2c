// Works of an import with their embedding under $model, and the concepts a link by meaning must
// not name: those the work is linked to already (curated, or by words) and those a curator
// removed from it (removedConcepts).
UNWIND $ids AS id
MATCH (w:Work {id: id})<-[:EMBEDS]-(e:Embedding {model: $model})
RETURN w.id AS id, e.vector AS vector,
  [(w)-[:DISCUSSES]->(c:Concept) | c.id] + coalesce(w.removedConcepts, []) AS skip
