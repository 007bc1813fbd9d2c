// Starts a full rebuild of the related-work lists, or resumes the one that stopped unfinished
// (unless $restart): returns the time it started (epoch ms), which similarity/pending.cypher
// compares with each list's similarAt.
MERGE (b:SimilarityBuild {id: 'rebuild'})
WITH b, b.finished = false AND NOT $restart AS resume
SET b.since = CASE WHEN resume THEN b.since ELSE $now END, b.finished = false
RETURN b.since AS since, resume
