// Who already contributed to the batch's existing works, read from the works' side: a common name
// can have thousands of works, a work has a handful of authors.
UNWIND $works AS id
MATCH (:Work {id: id})<-[:CONTRIBUTED_TO]-(p:Person)
RETURN p.id AS person, collect(id) AS works
