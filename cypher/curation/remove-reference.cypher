MATCH (a:Work {id: $from})-[r]->(b:Work {id: $to})
WHERE type(r) = $type
DELETE r
RETURN count(*) AS removed
