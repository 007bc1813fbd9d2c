UNWIND $rows AS row
MATCH (child:Talk {id: row.from}), (parent:Talk {id: row.to})
MERGE (child)-[r:PART_OF]->(parent)
SET r.pack = $pack
