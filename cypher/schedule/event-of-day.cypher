UNWIND $ids AS id
MATCH (d:Day {id: id})<-[:HAS_DAY]-(e:Event)
RETURN id, e {.*, __type: 'Event'} AS event
