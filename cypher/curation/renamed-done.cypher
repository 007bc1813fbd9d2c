// The works of a renamed concept or person up to $after have their text again: its cursor moves
// there, and with $done (no work after it) the label and the cursor go. Unless another curation
// renamed it meanwhile (its version moved on and its cursor went back to the start), whose spread
// still has to run.
MATCH (n:NamesChanged {id: $id})
WHERE coalesce(n.version, 0) = $version
SET n.spreadAfter = CASE WHEN $after > coalesce(n.spreadAfter, '') THEN $after ELSE n.spreadAfter END
WITH n
CALL (n) {
  WITH n WHERE $done
  REMOVE n:NamesChanged, n.spreadAfter
}
RETURN count(n) AS done
