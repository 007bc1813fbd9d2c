// Before a refresh that reads every text: nothing is due or queued any more once it has read them.
MATCH (n:EmbeddingDue|EmbeddingQueued)
REMOVE n:EmbeddingDue, n:EmbeddingQueued
RETURN count(n) AS cleared
