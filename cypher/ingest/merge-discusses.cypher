UNWIND $rows AS row
MATCH (w:Work {id: row.work}), (c:Concept {id: row.concept})
MERGE (w)-[r:DISCUSSES]->(c)
SET r = row.props, r.pack = $pack
