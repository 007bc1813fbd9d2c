// Papers and people that have no folded title or name yet (written by a pack or a curator):
// the import computes them, once, so that it can compare by title and name.
CALL () {
  MATCH (p:Paper) WHERE p.titleKey IS NULL RETURN p.id AS id, 'Paper' AS kind, p.title AS text
  UNION ALL
  MATCH (p:Person) WHERE p.nameKey IS NULL RETURN p.id AS id, 'Person' AS kind, p.name AS text
}
RETURN id, kind, text
