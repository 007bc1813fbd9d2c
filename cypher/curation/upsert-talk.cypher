// A talk on a day (and optionally in a session of that day); a new talk goes last on its day.
MATCH (d:Day {id: $day})
OPTIONAL MATCH (s:Session {id: $session})-[:HAS_SESSION]-(d)
WITH d, s, COUNT { (d)<-[:ON_DAY]-(:Talk) } AS talksOnDay
MERGE (t:Talk {id: $id})
ON CREATE SET t:Work:Entity, t.createdBy = $by, t.createdAt = datetime(),
  t.order = coalesce($order, talksOnDay + 1), t.titleInSource = false
SET t.title = $title, t.kind = $kind, t.summary = coalesce($summary, t.summary, ''),
    t.dayNumber = d.number, t.year = coalesce(t.year, $year), t.order = coalesce($order, t.order),
    t.updatedBy = $by, t.updatedAt = datetime(),
    // The fields a curator set (its day and session always): a reload of a pack keeps them (src/ingest/curated.ts).
    t.curatedFields = [k IN ['title', 'kind', 'day', 'session', 'summary', 'order'] WHERE k IN coalesce(t.curatedFields, []) OR {title: $title, kind: $kind, day: $day, session: true, summary: $summary, order: $order}[k] IS NOT NULL]
WITH t, d, s
CALL (t, d) {
  OPTIONAL MATCH (t)-[old:ON_DAY]->(other:Day) WHERE other <> d
  DELETE old
  MERGE (t)-[:ON_DAY]->(d)
}
CALL (t, s) {
  OPTIONAL MATCH (t)-[old:IN_SESSION]->(:Session)
  WITH t, s, collect(old) AS olds
  FOREACH (r IN olds | DELETE r)
  FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (t)-[:IN_SESSION]->(s))
}
RETURN t {.*, __type: 'Talk'} AS node
