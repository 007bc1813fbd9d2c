// How many talks, papers and concepts there are to embed: the total of a refresh's progress bar.
// Works are Talks or Papers, never both; each count comes from the count store.
CALL () { MATCH (n:Talk) RETURN count(n) AS talks }
CALL () { MATCH (n:Paper) RETURN count(n) AS papers }
CALL () { MATCH (n:Concept) RETURN count(n) AS concepts }
RETURN talks + papers + concepts AS texts
