// Papers that the identifiers or folded titles of a batch's records name, with what the import
// compares: their identifiers, year, venue and their authors (id and folded name). The works their
// references name come from find-cited.cypher.
// $ids: {doi: [...], arxiv: [...], openalex: [...], s2: [...], dblp: [...]}; $titleKeys: [...].
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
  UNION
  UNWIND $titleKeys AS v MATCH (p:Paper {titleKey: v}) RETURN p
}
RETURN p {.id, .doi, .arxiv, .openalex, .s2, .dblp, .titleKey, .year, .venue, .url, .abstract, .title, .disagreements, .provenance, .curatedFields} AS work,
       COLLECT { MATCH (p)<-[:CONTRIBUTED_TO]-(a:Person) RETURN DISTINCT {id: a.id, nameKey: a.nameKey} } AS authors
