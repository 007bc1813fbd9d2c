/**
 * `npm run pack:check -- [pack.yaml] [--baseline earlier-pack.yaml]`: validates a knowledge pack
 * without touching a database, then runs the support check (audit-pack.ts). Exits with 1 when the
 * pack is invalid, a statement is flagged without a `why`, or a paper has neither an identifier
 * nor a `noRecord` reason. With --baseline, also says what became of the earlier pack's flags.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { auditPack, compareAudits } from './audit-pack.js';
import { PackError, parsePack, readPack } from './read-pack.js';

const args = process.argv.slice(2);
const baselineAt = args.indexOf('--baseline');
const baselineFile = baselineAt >= 0 ? args.splice(baselineAt, 2)[1] : undefined;
const file = args[0] ?? 'seeds/icml-2017/pack.yaml';
try {
  const { pack } = await readPack(file);
  const count = (xs: unknown[]) => xs.length;
  console.log(
    `${file}: valid. ${count(pack.days)} days, ${count(pack.sessions)} sessions, ${count(pack.talks)} talks, ` +
      `${count(pack.papers)} papers, ${count(pack.people)} people, ${count(pack.concepts)} concepts.`,
  );

  const audit = auditPack(pack);
  const { supported, justified, flagged } = audit.counts;
  let line = `support: ${supported} supported, ${justified} justified, ${flagged} flagged`;
  if (baselineFile) {
    // The earlier pack's documents are read from this pack's folder (the notes do not change).
    const readDocument = (documentFile: string) => readFile(path.resolve(path.dirname(file), documentFile));
    const before = auditPack((await parsePack(baselineFile, await readFile(baselineFile, 'utf8'), readDocument)).pack);
    const { fixed, removed } = compareAudits(before, audit);
    line += `; of the ${before.counts.flagged} flagged in ${baselineFile}: ${fixed} fixed, ${removed} removed`;
  }
  console.log(line);
  for (const s of audit.statements.filter((s) => s.verdict === 'flagged'))
    console.log(`  flagged ${s.at} (${s.key}): ${s.problems.join('; ')}`);

  const { total, openable, exceptions, missing } = audit.papers;
  console.log(
    `papers: ${openable} of ${total} openable (DOI, arXiv id or URL); ${exceptions.length} without a record, each with its reason:`,
  );
  for (const e of exceptions) console.log(`  ${e.id}: ${e.reason}`);
  for (const id of missing) console.log(`  missing: ${id} has no DOI, arXiv id or URL, and no noRecord reason`);
  if (flagged > 0 || missing.length > 0) process.exit(1);
} catch (error) {
  if (error instanceof PackError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
