MATCH (e:Event)
RETURN e {.*, __type: 'Event'} AS event
ORDER BY e.startDate, e.id
