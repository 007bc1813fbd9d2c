// The concepts of a pack that a curator has merged into another (mergeConcepts remembers their ids
// in the kept concept's mergedIds): which concept each went into, who merged it and when.
MATCH (c:Concept)
WHERE c.mergedIds IS NOT NULL
UNWIND c.mergedIds AS gone
WITH c, gone
WHERE gone IN $ids
RETURN gone, c.id AS keep, c.updatedBy AS by, toString(c.updatedAt) AS at
