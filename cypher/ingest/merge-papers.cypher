UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
// Facts imported from bibliographic records (identifiers, abstract, what the pack leaves out) and
// the concept links curators removed survive a reload of the pack.
WITH p, row, p {.doi, .openalex, .s2, .dblp, .abstract, .provenance, .removedConcepts, .arxiv, .url, .year, .venue} AS before
SET p = row, p:Work:Entity
SET p += {doi: coalesce(row.doi, before.doi), openalex: before.openalex, s2: before.s2, dblp: before.dblp, abstract: before.abstract,
          provenance: before.provenance, removedConcepts: before.removedConcepts, arxiv: coalesce(row.arxiv, before.arxiv),
          url: coalesce(row.url, before.url), year: coalesce(row.year, before.year), venue: coalesce(row.venue, before.venue)}
