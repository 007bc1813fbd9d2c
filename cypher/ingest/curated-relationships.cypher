// The relationships a curator made or sourced again (`curatedBy`), going out of the nodes a pack
// is about to write, with the source they carry.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE r.curatedBy IS NOT NULL
RETURN a.id AS from, type(r) AS type, b.id AS to, r.document AS document, r.line AS line, r.quote AS quote, r.url AS url,
       r.curatedBy AS by, toString(r.curatedAt) AS at
