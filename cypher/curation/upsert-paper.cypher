MERGE (p:Paper {id: $id})
ON CREATE SET p:Work:Entity, p.createdBy = $by, p.createdAt = datetime()
SET p.title = $title, p.year = coalesce($year, p.year), p.venue = coalesce($venue, p.venue),
    p.arxiv = coalesce($arxiv, p.arxiv), p.url = coalesce($url, p.url),
    p.updatedBy = $by, p.updatedAt = datetime()
RETURN p {.*, __type: 'Paper'} AS node
