// Who made the last change (the curation log, :Change) to each of $targets, and when: a node's id,
// or a relationship as "from TYPE to", as the curation writes name their targets.
UNWIND $targets AS target
MATCH (c:Change {target: target})
WITH target, c
ORDER BY c.at DESC
WITH target, head(collect(c)) AS last
RETURN target, last.by AS by, toString(last.at) AS at
