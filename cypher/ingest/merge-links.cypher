// Links are shared by URL; what the notes wrote and where is kept on the HAS_LINK relationship.
UNWIND $rows AS row
MATCH (w:Work {id: row.work})
MERGE (l:Link {url: row.link.url})
SET l += row.link, l.id = row.link.url, l:Entity
MERGE (w)-[r:HAS_LINK]->(l)
SET r = row.props, r.pack = $pack
