// $rows: {from, to, type} with type BROADER (from is narrower than to) or RELATED_TO. RELATED_TO is
// symmetric and stored once, in whichever direction it was first written (MERGE without a direction).
UNWIND $rows AS row
MATCH (a:Concept {id: row.from}), (b:Concept {id: row.to})
FOREACH (_ IN CASE WHEN row.type = 'BROADER' THEN [1] ELSE [] END |
  MERGE (a)-[r:BROADER]->(b) SET r.pack = $pack)
FOREACH (_ IN CASE WHEN row.type = 'RELATED_TO' THEN [1] ELSE [] END |
  MERGE (a)-[r:RELATED_TO]-(b) SET r.pack = $pack)
