// Removes the relationships a pack wrote earlier (they carry its id in `pack`), so that loading
// a corrected pack again leaves exactly what it now says. Nodes are kept (MERGE updates them);
// relationships added by curators carry no `pack` and stay, and so do the pack's relationships a
// curator has since sourced again (`curatedBy`), unless $overwriteCurated.
MATCH ()-[r]->()
WHERE r.pack = $pack AND ($overwriteCurated OR r.curatedBy IS NULL)
DELETE r
