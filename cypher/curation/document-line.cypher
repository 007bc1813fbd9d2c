// One line of a stored source document (1-based), to check a curator's quote against it.
MATCH (d:Document {id: $document})
RETURN d.lines[$line - 1] AS text, size(d.lines) AS lineCount
