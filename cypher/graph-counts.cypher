// Nodes per label and relationships per type, for the loader's report and for tests.
MATCH (n)
UNWIND labels(n) AS name
RETURN 'label' AS kind, name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN 'type' AS kind, type(r) AS name, count(*) AS count
