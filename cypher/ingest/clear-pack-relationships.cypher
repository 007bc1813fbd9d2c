// Removes the relationships a pack wrote earlier (they carry its id in `pack`), so that loading
// a corrected pack again leaves exactly what it now says. Nodes are kept (MERGE updates them);
// relationships added by curators carry no `pack` and stay.
MATCH ()-[r]->()
WHERE r.pack = $pack
DELETE r
