/**
 * `npm run import -- FILE... [--format F] [--dry-run] [--overwrite-curated] [--batch-size N] [--link-by-meaning]`: imports knowledge packs (.yaml) and
 * bibliographic files (BibTeX, RIS, CSL-JSON, OpenAlex, Semantic Scholar, arXiv JSON Lines) into
 * the graph. Every file is checked before anything is written; a pack lands whole or not at all,
 * and so does an import of records (a failed batch takes back the whole import). Importing the
 * same files again changes nothing. A progress bar shows rows or records per second. With
 * --link-by-meaning, records are linked to concepts by meaning as well as by words. A pack keeps
 * what curators changed and prints where it disagrees, unless --overwrite-curated (src/ingest/curated.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { recoverInterruptedImports } from '../db/import-runs.js';
import { migrate } from '../db/migrate.js';
import type { Embedder } from '../embed/embedder.js';
import { embedChanged, loadEmbedder, refreshWithProgress } from '../embed/semantic.js';
import { errorMessage } from '../errors.js';
import { refreshChangedLists } from '../graph/similarity.js';
import { formatCuration } from './curated.js';
import { recordFormats } from './formats/index.js';
import { checkInputs, importRecords } from './import-records.js';
import { formatReport } from './import-report.js';
import { loadPack } from './load-pack.js';
import { PackError, readPack } from './read-pack.js';
import { ImportError } from './records.js';
import { formatCounts, seedIfEmpty } from './seed.js';

const usage = `usage: npm run import -- FILE... [--format ${recordFormats.join('|')}] [--dry-run] [--overwrite-curated] [--batch-size N] [--link-by-meaning]`;
const options = {
  format: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'overwrite-curated': { type: 'boolean', default: false },
  // Records per write transaction: fewer keep each transaction's memory small on a small Neo4j.
  'batch-size': { type: 'string', default: '5000' },
  // Concept links by meaning are asked for: measured, too few are right to add them unasked.
  'link-by-meaning': { type: 'boolean', default: false },
} as const;
let args: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof options }>>;
try {
  args = parseArgs({ allowPositionals: true, options });
} catch (error) {
  console.error(`${errorMessage(error)}\n${usage}`);
  process.exit(2);
}
const format = recordFormats.find((f) => f === args.values.format);
if (args.values.format !== undefined && format === undefined) {
  console.error(`unknown format "${args.values.format}"\n${usage}`);
  process.exit(2);
}
const batchSize = Number(args.values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
  console.error(`--batch-size must be a whole number from 1 to 100000, not "${args.values['batch-size']}"\n${usage}`);
  process.exit(2);
}
if (args.positionals.length === 0) {
  console.error(usage);
  process.exit(2);
}
const dryRun = args.values['dry-run'];
const isPack = (file: string) => /\.ya?ml$/i.test(file);
const packFiles = args.positionals.filter(isPack);

/**
 * Records are streamed and an import keeps little of them, but Node lets garbage build up to its
 * default heap limit (4 GB on this 24 GiB machine) before it collects: a million records peaked at
 * 1.58 GiB, and at 0.59 GiB in a 1 GiB heap (bench/RESULTS.md). So an import of records alone runs
 * again in a child process with a 1 GiB heap, unless a heap size is already given. Packs are read
 * whole (a 100,000-paper pack needs several GB) and keep Node's default.
 */
const RECORDS_HEAP_MIB = 1024;
const heapGiven = /--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`);
if (packFiles.length === 0 && !heapGiven) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${RECORDS_HEAP_MIB}`, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  // A stopped import is taken back at the next start (src/db/import-runs.ts), as without the child.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const [code] = await once(child, 'exit');
  process.exit(code ?? 1);
}
// In the child: when the parent is gone (killed with -9, say), so is the import, as it would be in one process.
if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
const inputs = args.positionals.filter((f) => !isPack(f)).map((f) => ({ name: path.basename(f), path: f }));

// Check everything before connecting: a wrong file is reported with all its problems.
const packs = [];
try {
  for (const file of packFiles) {
    const loaded = await readPack(file);
    packs.push(loaded);
    console.log(
      `${file}: valid (${loaded.pack.talks.length} talks, ${loaded.pack.papers.length} papers, ${loaded.pack.concepts.length} concepts, ${loaded.pack.people.length} people).`,
    );
  }
  if (inputs.length) {
    for (const file of await checkInputs(inputs, { format })) console.log(`${file.name}: valid (${file.records} ${file.format} records).`);
  }
} catch (error) {
  if (error instanceof PackError || error instanceof ImportError) console.error(error.message);
  else console.error(`error: ${errorMessage(error)}`);
  process.exit(1);
}
if (dryRun && packs.length) console.log('(--dry-run: the packs are checked only)');

const config = loadConfig();
const connection = await connect(config).catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
const bar = new SingleBar(
  { format: 'importing [{bar}] {percentage}% | {value}/{total} {unit} | {speed}/s | {duration}s', hideCursor: true },
  Presets.shades_classic,
);
const started = Date.now();
const speed = (done: number) => Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
// With --link-by-meaning records are linked to concepts by meaning too when the model loads; else
// the report says why not. The model also embeds what the import changed, for search by meaning.
let embedder: Embedder | null = null;
let meaningOff: string | undefined;
try {
  await migrate(connection.db);
  // An earlier import killed part-way is taken back first, so this one starts from a whole graph.
  await recoverInterruptedImports(connection.db);
  for (const loaded of dryRun ? [] : packs) {
    bar.start(1, 0, { unit: 'rows', speed: 0 });
    const result = await loadPack(connection.db, loaded, {
      overwriteCurated: args.values['overwrite-curated'],
      onProgress: (done, total) => {
        bar.setTotal(total);
        bar.update(done, { speed: speed(done) });
      },
    });
    bar.stop();
    console.log(`Imported ${loaded.pack.event.id} into ${connection.uri}.\n${formatCounts(result)}`);
    const curation = formatCuration(result.curation);
    if (curation) console.log(curation);
  }
  if (inputs.length) {
    // On a fresh database the seed packs come first, so imported works meet the ICML talks and concepts.
    if (!dryRun && packs.length === 0 && (await seedIfEmpty(connection.db)))
      console.log('Seeded the empty database with the packs under seeds/.');
    if (!dryRun)
      embedder = await loadEmbedder(config, (line) => {
        meaningOff = line;
        console.log(line);
      });
    const report = await importRecords(connection.db, inputs, {
      format,
      dryRun,
      batchSize,
      embedder,
      meaningOff,
      linkByMeaning: args.values['link-by-meaning'],
      onStart: (total) => bar.start(total, 0, { unit: 'records', speed: 0 }),
      onProgress: (done) => bar.update(done, { speed: speed(done) }),
    });
    bar.stop();
    console.log(formatReport(report));
  }
  // Search by meaning: what the import changed gets its embeddings now (nothing without the model).
  // (Once is enough to say the model is missing: meaningOff holds what loading it said.)
  if (!dryRun && embedder) await refreshWithProgress(connection.db, embedder, console.log);
  else if (!dryRun && meaningOff === undefined) await embedChanged(connection.db, config, console.log);
  if (!dryRun) await refreshChangedLists(connection.db, console.log);
} catch (error) {
  bar.stop();
  const message = error instanceof ImportError ? error.message : errorMessage(error);
  console.error(`error: the import was rolled back, nothing was written: ${message}`);
  process.exitCode = 1;
} finally {
  await embedder?.close();
  await connection.stop();
}
