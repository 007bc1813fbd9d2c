// The other half of each work in $ids: the paper a talk presents, or the talks presenting a paper.
// A talk and its paper are one work on a reading trail.
UNWIND $ids AS id
MATCH (:Work {id: id})-[:PRESENTS]-(twin:Work)
RETURN DISTINCT twin.id AS id
