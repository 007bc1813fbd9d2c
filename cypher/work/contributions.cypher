// The people of each work: speakers, authors, panelists, with the origin of each fact.
UNWIND $ids AS id
MATCH (w:Work {id: id})<-[r:CONTRIBUTED_TO]-(p:Person)
RETURN id, p {.*, __type: 'Person'} AS person, r.role AS role, r.origin AS origin,
       CASE WHEN r.quote IS NULL THEN null ELSE r {.document, .line, .quote, .url} END AS source
ORDER BY CASE r.role WHEN 'SPEAKER' THEN 0 WHEN 'AUTHOR' THEN 1 WHEN 'PANELIST' THEN 2 ELSE 3 END, p.name
