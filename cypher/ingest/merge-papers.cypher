UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
// Every write increments the version a curator's expectedVersion is checked against (the SET
// reads it under the node's write lock); the pack's properties replace the rest.
SET p.version = coalesce(p.version, 0) + 1
// Facts imported from bibliographic records (identifiers, abstract, what the pack leaves out) and
// what curators left on the paper (see merge-talks.cypher) survive a reload of the pack.
WITH p, row, p {.doi, .openalex, .s2, .dblp, .abstract, .provenance, .disagreements, .arxiv, .url, .year, .venue} AS before,
     p {.curatedFields, .createdBy, .createdAt, .updatedBy, .updatedAt, .removedConcepts, .removedReferences, .version} AS curation
SET p = row, p:Work:Entity
SET p += {doi: coalesce(row.doi, before.doi), openalex: before.openalex, s2: before.s2, dblp: before.dblp, abstract: before.abstract,
          provenance: before.provenance, disagreements: before.disagreements, arxiv: coalesce(row.arxiv, before.arxiv),
          url: coalesce(row.url, before.url), year: coalesce(row.year, before.year), venue: coalesce(row.venue, before.venue)}
SET p += curation
