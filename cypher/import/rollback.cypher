// Takes back everything a failed import wrote: the relationships and nodes it created, and the
// fields it added to nodes that existed (named in their provenance entries).
CALL () {
  MATCH ()-[r]->() WHERE r.import = $import DELETE r
}
CALL () {
  MATCH (n) WHERE n.import = $import
  // A created work's embedding (links by meaning embed the works they look at) and its
  // related-work list go with it.
  OPTIONAL MATCH (e:Embedding)-[:EMBEDS]->(n)
  OPTIONAL MATCH (n)-[:HAS_SIMILAR]->(l:SimilarList)
  DETACH DELETE n, e, l
}
CALL () {
  MATCH (n:Paper) WHERE any(x IN n.disagreements WHERE x STARTS WITH $import + '\t')
  WITH n, [x IN n.disagreements WHERE NOT x STARTS WITH $import + '\t'] AS kept
  SET n.disagreements = CASE WHEN size(kept) = 0 THEN null ELSE kept END, n.version = coalesce(n.version, 0) + 1
}
CALL () {
  MATCH (n:Paper|Person) WHERE any(x IN n.provenance WHERE x STARTS WITH $import + '\t')
  WITH n, [x IN n.provenance WHERE x STARTS WITH $import + '\t' | split(x, '\t')[1]] AS fields
  SET n.provenance = [x IN n.provenance WHERE NOT x STARTS WITH $import + '\t'], n.version = coalesce(n.version, 0) + 1,
      n.doi = CASE WHEN 'doi' IN fields THEN null ELSE n.doi END,
      n.arxiv = CASE WHEN 'arxiv' IN fields THEN null ELSE n.arxiv END,
      n.openalex = CASE WHEN 'openalex' IN fields THEN null ELSE n.openalex END,
      n.s2 = CASE WHEN 's2' IN fields THEN null ELSE n.s2 END,
      n.dblp = CASE WHEN 'dblp' IN fields THEN null ELSE n.dblp END,
      n.url = CASE WHEN 'url' IN fields THEN null ELSE n.url END,
      n.abstract = CASE WHEN 'abstract' IN fields THEN null ELSE n.abstract END,
      n.year = CASE WHEN 'year' IN fields THEN null ELSE n.year END,
      n.venue = CASE WHEN 'venue' IN fields THEN null ELSE n.venue END,
      n.orcid = CASE WHEN 'orcid' IN fields THEN null ELSE n.orcid END
}
