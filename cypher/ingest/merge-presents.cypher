UNWIND $rows AS row
MATCH (t:Talk {id: row.from}), (p:Paper {id: row.to})
MERGE (t)-[r:PRESENTS]->(p)
SET r.pack = $pack
