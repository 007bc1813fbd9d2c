// Every day of every event, in order.
MATCH (e:Event)-[:HAS_DAY]->(d:Day)
RETURN d {.*, __type: 'Day'} AS day
ORDER BY e.startDate, e.id, d.number
