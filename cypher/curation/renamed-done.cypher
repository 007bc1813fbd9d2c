// The works of a renamed concept or person have their text again: the label goes, unless another
// curation renamed it meanwhile (its version moved on), whose spread still has to run.
MATCH (n:NamesChanged {id: $id})
WHERE coalesce(n.version, 0) = $version
REMOVE n:NamesChanged
RETURN count(n) AS done
