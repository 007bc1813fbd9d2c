/** The import report as text, for the command line. */
import type { ImportReport } from './import-records.js';

export function formatReport(report: ImportReport, listMax = 20): string {
  const verb = report.dryRun ? 'would be' : 'were';
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written)' : `Import ${report.importId}`}: ${report.records} records from ${report.files.map((f) => `${f.name} (${f.format})`).join(', ')}.`,
    `works: ${report.worksCreated} ${verb} created, ${report.worksMerged} merged with works in the graph`,
    `people: ${report.peopleCreated} ${verb} created, ${report.peopleMerged} merged; authorships: ${report.authorshipsCreated} new`,
    `citations: ${report.citesCreated} new, ${report.referencesResolved} earlier references resolved, ${report.referencesUnresolved} left unresolved`,
    `concepts: ${report.conceptLinksCreated} automatic links by words, ${report.meaningSkipped ? `none looked for by meaning (${report.meaningSkipped})` : `${report.conceptLinksByMeaning} by meaning`}`,
  ];
  const list = <T>(title: string, items: T[], line: (item: T) => string) => {
    if (!items.length) return;
    lines.push(`${title} (${items.length}${items.length >= 1000 ? '+' : ''}):`);
    for (const item of items.slice(0, listMax)) lines.push(`  ${line(item)}`);
    if (items.length > listMax) lines.push(`  … ${items.length - listMax} more`);
  };
  list('merged', report.merges, (m) => `${m.record} -> ${m.work} (by ${m.by})`);
  list(
    'conflicts (the graph keeps its value)',
    report.conflicts,
    (c) => `${c.record} ${c.work}.${c.field}: kept "${c.kept}", record says "${c.other}"`,
  );
  list(
    'ambiguous names (not merged)',
    report.ambiguous,
    (a) => `${a.record} "${a.name}": same name as ${a.candidates.join(', ')}${a.created ? `; kept apart as ${a.created}` : ''}`,
  );
  list('unresolved references (kept for a later import)', report.unresolved, (u) => u);
  return lines.join('\n');
}
