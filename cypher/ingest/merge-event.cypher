MERGE (e:Event {id: $row.id})
SET e = $row, e:Entity
