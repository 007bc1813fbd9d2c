// People an import's authors may be: by ORCID, or by folded name. The works they share with the
// batch come from import/contributors (a shared work is what lets a name merge).
CALL () {
  UNWIND $orcids AS v MATCH (p:Person {orcid: v}) RETURN p
  UNION
  UNWIND $nameKeys AS v MATCH (p:Person {nameKey: v}) RETURN p
}
RETURN p.id AS id, p.orcid AS orcid, p.nameKey AS nameKey
