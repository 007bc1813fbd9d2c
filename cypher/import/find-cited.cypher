// Papers that the identifiers of a batch's references name, with only their identifiers: a
// reference becomes a CITES edge to the paper's id. $ids: {doi: [...], arxiv: [...], openalex:
// [...], s2: [...], dblp: [...]}.
CALL () {
  UNWIND $ids.doi AS v MATCH (p:Paper {doi: v}) RETURN p
  UNION
  UNWIND $ids.arxiv AS v MATCH (p:Paper {arxiv: v}) RETURN p
  UNION
  UNWIND $ids.openalex AS v MATCH (p:Paper {openalex: v}) RETURN p
  UNION
  UNWIND $ids.s2 AS v MATCH (p:Paper {s2: v}) RETURN p
  UNION
  UNWIND $ids.dblp AS v MATCH (p:Paper {dblp: v}) RETURN p
}
RETURN p.id AS id, p.doi AS doi, p.arxiv AS arxiv, p.openalex AS openalex, p.s2 AS s2, p.dblp AS dblp
