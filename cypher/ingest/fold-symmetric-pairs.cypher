// RELATED_TO is symmetric and stored once. A pair stored in both directions (as packs loaded
// before this rule wrote it) keeps one of its two relationships. Run by every migration; a
// graph with no such pair is left as it is.
MATCH (a:Concept)-[kept:RELATED_TO]->(b:Concept)-[other:RELATED_TO]->(a)
WHERE elementId(kept) < elementId(other)
DELETE other
RETURN count(other) AS folded
