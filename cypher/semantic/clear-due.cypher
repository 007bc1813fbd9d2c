// Before a refresh that reads every text: nothing is due any more once it has read them.
MATCH (n:EmbeddingDue)
REMOVE n:EmbeddingDue
RETURN count(n) AS cleared
