UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
// Facts imported from bibliographic records (identifiers, abstract, what the pack leaves out) and
// what curators left on the paper (see merge-talks.cypher) survive a reload of the pack.
WITH p, row, p {.doi, .openalex, .s2, .dblp, .abstract, .provenance, .arxiv, .url, .year, .venue} AS before,
     p {.curatedFields, .createdBy, .createdAt, .updatedBy, .updatedAt, .removedConcepts, .removedReferences} AS curation
SET p = row, p:Work:Entity
SET p += {doi: coalesce(row.doi, before.doi), openalex: before.openalex, s2: before.s2, dblp: before.dblp, abstract: before.abstract,
          provenance: before.provenance, arxiv: coalesce(row.arxiv, before.arxiv),
          url: coalesce(row.url, before.url), year: coalesce(row.year, before.year), venue: coalesce(row.venue, before.venue)}
SET p += curation
