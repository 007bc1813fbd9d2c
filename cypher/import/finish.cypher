// The import is complete (or has been taken back): nothing is left to recover.
MATCH (r:ImportRun {id: $import})
DELETE r
