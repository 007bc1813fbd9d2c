// Where each talk sits: its day, session, parent talk, sections, and the paper it presents.
UNWIND $ids AS id
MATCH (t:Talk {id: id})
OPTIONAL MATCH (t)-[:ON_DAY]->(d:Day)
OPTIONAL MATCH (t)-[:IN_SESSION]->(s:Session)
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Talk)
OPTIONAL MATCH (t)-[:PRESENTS]->(p:Paper)
RETURN id,
       d {.*, __type: 'Day'} AS day,
       s {.*, __type: 'Session'} AS session,
       parent {.*, __type: 'Talk'} AS parent,
       p {.*, __type: 'Paper'} AS presents,
       COLLECT { MATCH (section:Talk)-[:PART_OF]->(t) RETURN section {.*, __type: 'Talk'} AS section ORDER BY section.order } AS sections
