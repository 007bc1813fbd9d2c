MERGE (p:Paper {id: $id})
ON CREATE SET p:Work:Entity, p.createdBy = $by, p.createdAt = datetime()
// A new title drops the folded title an import matches by (import/without-keys.cypher computes it again).
SET p.titleKey = CASE WHEN p.title = $title THEN p.titleKey END,
    p.title = $title, p.year = coalesce($year, p.year), p.venue = coalesce($venue, p.venue),
    p.arxiv = coalesce($arxiv, p.arxiv), p.url = coalesce($url, p.url),
    p.updatedBy = $by, p.updatedAt = datetime(),
    // The fields a curator set: a reload of a pack keeps them (src/ingest/curated.ts).
    p.curatedFields = [k IN ['title', 'year', 'venue', 'arxiv', 'url'] WHERE k IN coalesce(p.curatedFields, []) OR {title: $title, year: $year, venue: $venue, arxiv: $arxiv, url: $url}[k] IS NOT NULL]
RETURN p {.*, __type: 'Paper'} AS node
