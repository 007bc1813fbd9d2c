// Typed reference edges between works. The type comes from a fixed list, one branch each.
UNWIND $rows AS row
MATCH (a:Work {id: row.from}), (b:Paper {id: row.to})
FOREACH (_ IN CASE WHEN row.type = 'FOLLOW_UP_READ' THEN [1] ELSE [] END |
  MERGE (a)-[r:FOLLOW_UP_READ]->(b) SET r = row.props, r.pack = $pack)
FOREACH (_ IN CASE WHEN row.type = 'RELATED' THEN [1] ELSE [] END |
  MERGE (a)-[r:RELATED]->(b) SET r = row.props, r.pack = $pack)
FOREACH (_ IN CASE WHEN row.type = 'SEE_ALSO' THEN [1] ELSE [] END |
  MERGE (a)-[r:SEE_ALSO]->(b) SET r = row.props, r.pack = $pack)
FOREACH (_ IN CASE WHEN row.type = 'BUILDS_ON' THEN [1] ELSE [] END |
  MERGE (a)-[r:BUILDS_ON]->(b) SET r = row.props, r.pack = $pack)
FOREACH (_ IN CASE WHEN row.type = 'CITES' THEN [1] ELSE [] END |
  MERGE (a)-[r:CITES]->(b) SET r = row.props, r.pack = $pack)
