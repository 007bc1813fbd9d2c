// A full rebuild computes every list from the graph as it is read after this: no concept changed
// before it needs its works marked (similarity/spread-changes.cypher).
MATCH (x:Concept:SimilarChanged)
REMOVE x:SimilarChanged
RETURN count(x) AS cleared
