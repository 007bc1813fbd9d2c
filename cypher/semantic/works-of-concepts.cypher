// The works that discuss the concepts $ids (best match first), those of an earlier concept first,
// then those discussing more of them; $kinds limits them to talks or papers (empty: both).
// `via` lists the ids of the concepts each discusses.
UNWIND range(0, size($ids) - 1) AS i
MATCH (:Concept {id: $ids[i]})<-[:DISCUSSES]-(w:Work)
WHERE size($kinds) = 0 OR any(label IN labels(w) WHERE label IN $kinds)
WITH w, min(i) AS first, count(*) AS shared, collect($ids[i]) AS via
ORDER BY first, shared DESC, w.id
LIMIT $limit
RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS node, via
