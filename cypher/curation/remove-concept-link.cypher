MATCH (w:Work {id: $work})-[r:DISCUSSES]->(c:Concept {id: $concept})
DELETE r
RETURN count(*) AS removed
