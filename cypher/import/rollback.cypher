// Takes back everything a failed import wrote: the relationships and nodes it created, the fields
// it added to nodes that existed (named in their provenance entries), and the values it replaced.
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
// Then its disagreements go; a value it replaced (a year or venue that a record naming the work by
// a more specific identifier gave: src/ingest/import-records.ts, fill) comes back from the one it kept.
CALL () {
  MATCH (n:Paper) WHERE any(x IN n.disagreements WHERE x STARTS WITH $import + '\t')
  WITH n,
       [x IN n.disagreements WHERE NOT x STARTS WITH $import + '\t'] AS kept,
       [x IN n.disagreements WHERE x STARTS WITH $import + '\t' AND split(x, '\t')[7] = 'replaced' | split(x, '\t')] AS replaced
  WITH n, kept, [r IN replaced WHERE r[1] = 'year'][0] AS year, [r IN replaced WHERE r[1] = 'venue'][0] AS venue
  SET n.disagreements = CASE WHEN size(kept) = 0 THEN null ELSE kept END, n.version = coalesce(n.version, 0) + 1,
      n.year = CASE WHEN year IS NULL THEN n.year ELSE toInteger(year[2]) END,
      n.venue = CASE WHEN venue IS NULL THEN n.venue ELSE venue[2] END
}
