// The related-work lists of the seed works $ids: each seed as the work a result names (the talk
// presenting a paper), whether its list is fresh, when it was computed, and its works' ids best
// first (similarity/write-lists.cypher). Fresh: computed for the work's current epoch, and no
// concept the list reads (the work's concepts and their RELATED_TO/BROADER neighbours) changed
// since (similarity/mark-changed-concepts.cypher), which a few concepts per seed tell.
MATCH (seed:Work) WHERE seed.id IN $ids
WITH DISTINCT coalesce(COLLECT { MATCH (talk:Talk)-[:PRESENTS]->(seed) RETURN talk ORDER BY talk.id LIMIT 1 }[0], seed) AS owner
OPTIONAL MATCH (owner)-[:HAS_SIMILAR]->(list:SimilarList)
RETURN owner.id AS id,
       list IS NOT NULL AND owner.similarAt IS NOT NULL AND coalesce(owner.similarEpoch, 0) = coalesce(owner.similarBuiltEpoch, -1)
         AND NOT EXISTS {
           MATCH (owner)-[:PRESENTS*0..1]-(:Work)-[:DISCUSSES]->(:Concept)-[:RELATED_TO|BROADER*0..1]-(n:Concept)
           WHERE n.similarChange > coalesce(owner.similarChangeSeen, 0)
         } AS fresh,
       owner.similarAt AS computedAt,
       coalesce(list.ids, []) AS ids
