// Which of a batch's identifiers earlier imports left waiting as unresolved references: only those
// go to resolve-references. Read before the batch writes anything, since a look-up in a unique
// index slows with every entry the transaction has added (10,000 look-ups of identifiers nobody
// waits on took 25 s at the end of a 5,000-record batch).
UNWIND $keys AS key
MATCH (:UnresolvedReference {key: key})
RETURN collect(key) AS keys
