/**
 * One scale's import, run in a child process of run.ts (it needs a large heap for a while, then
 * gives it all back): generate the pack, write it under bench/.data/<papers>/, read and check it
 * with readPack (YAML, zod, ids, references, quotes: the path `npm run seed` takes) and load it
 * with loadPack into the (emptied) bench database. Sends an ImportResult to the parent.
 *
 * Standalone: `tsx bench/import.ts <papers>` (the bench Neo4j must be running and empty).
 */
import path from 'node:path';
import type { Database } from '../src/db/database.js';
import { loadPack } from '../src/ingest/load-pack.js';
import { readPack } from '../src/ingest/read-pack.js';
import { type GeneratedPack, generatePack, type Samples, writePack } from './generate.js';
import { benchDatabase, projectRoot } from './neo4j.js';

export interface ImportResult {
  papers: number;
  transactionSize: number | null;
  packBytes: number;
  documentLines: number;
  expected: GeneratedPack['expected'];
  degrees: GeneratedPack['degrees'];
  samples: Samples;
  nodes: number;
  relationships: number;
  seconds: { generate: number; read: number; load: number };
  /** Nodes + relationships per second of loadPack alone, and of read + load. */
  rate: { load: number; endToEnd: number };
  /** Where loadPack's time went: each statement's total, and the commits (last answer to the end of each transaction). */
  statements: { name: string; ms: number; rows: number; calls: number }[];
  transactions: number;
  commitMs: number;
  /** The import process's peak resident memory, in MiB (the YAML parse dominates it). */
  peakRssMiB: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** Rows per write transaction: one transaction for 100k papers exceeds Neo4j's transaction memory at a 4g heap. */
export const TRANSACTION_ROWS = 100_000;

export async function importScale(
  papers: number,
  transactionSize: number | undefined = TRANSACTION_ROWS,
  log: (line: string) => void = console.error,
): Promise<ImportResult> {
  let t = performance.now();
  const generated = generatePack(papers);
  const file = writePack(generated, path.join(projectRoot, 'bench/.data', String(papers)));
  const generate = (performance.now() - t) / 1000;
  log(
    `  generated ${papers} papers in ${generate.toFixed(1)} s (pack ${(generated.yaml.length / 1e6).toFixed(1)} MB, document ${(generated.notes.length / 1e6).toFixed(1)} MB)`,
  );

  t = performance.now();
  const loaded = await readPack(file);
  const read = (performance.now() - t) / 1000;
  log(`  readPack (YAML, zod, checks) in ${read.toFixed(1)} s`);

  const db = benchDatabase();
  const timings = timeStatements(db);
  try {
    t = performance.now();
    const counts = await loadPack(db, loaded, { transactionSize });
    const load = (performance.now() - t) / 1000;
    const nodes = Object.entries(counts.labels)
      .filter(([label]) => label === 'Entity')
      .reduce((n, [, c]) => n + c, 0);
    const relationships = Object.values(counts.relationships).reduce((n, c) => n + c, 0);
    log(`  loadPack in ${load.toFixed(1)} s: ${nodes} nodes, ${relationships} relationships`);
    return {
      papers,
      transactionSize: transactionSize ?? null,
      packBytes: Buffer.byteLength(generated.yaml),
      documentLines: loaded.documents.values().next().value?.length ?? 0,
      expected: generated.expected,
      degrees: generated.degrees,
      samples: generated.samples,
      nodes,
      relationships,
      seconds: { generate, read, load },
      rate: { load: (nodes + relationships) / load, endToEnd: (nodes + relationships) / (read + load) },
      labels: counts.labels,
      types: counts.relationships,
      statements: timings.statements,
      transactions: timings.transactions(),
      commitMs: timings.commitMs(),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await db.close();
  }
}

/**
 * Times each named statement loadPack runs, and its transactions, by wrapping this Database
 * instance's writeTransaction (src/ is left as it is). loadPack sends a transaction's statements
 * without waiting for each answer, and Neo4j runs them in order, so a statement's time is from
 * the previous answer (or its own sending, if later) to its answer; the commit is the time from
 * the last answer to the end of the transaction.
 */
function timeStatements(db: Database) {
  const byName = new Map<string, { name: string; ms: number; rows: number; calls: number }>();
  let transactions = 0;
  let transactionMs = 0;
  let commitMs = 0;
  const original = db.writeTransaction.bind(db);
  db.writeTransaction = async (operation, work, options) => {
    const t = performance.now();
    let lastAnswer = t;
    try {
      return await original(
        operation,
        (run) =>
          work(async <T>(statement: string, params: Record<string, unknown> = {}) => {
            const sent = performance.now();
            const rows = await run<T>(statement, params);
            const answered = performance.now();
            const entry = byName.get(statement) ?? { name: statement, ms: 0, rows: 0, calls: 0 };
            entry.ms += answered - Math.max(lastAnswer, sent);
            lastAnswer = answered;
            entry.rows += Array.isArray(params.rows) ? params.rows.length : Array.isArray(params.ids) ? params.ids.length : 0;
            entry.calls += 1;
            byName.set(statement, entry);
            return rows;
          }),
        options,
      );
    } finally {
      const end = performance.now();
      transactions += 1;
      transactionMs += end - t;
      commitMs += end - lastAnswer;
    }
  };
  return {
    get statements() {
      return [...byName.values()].map((e) => ({ ...e, ms: Math.round(e.ms) }));
    },
    transactions: () => transactions,
    transactionMs: () => transactionMs,
    commitMs: () => commitMs,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(projectRoot, 'bench/import.ts')) {
  const papers = Number(process.argv[2] ?? 1000);
  const transactionSize = process.argv[3] === 'one' ? undefined : Number(process.argv[3] ?? TRANSACTION_ROWS);
  importScale(papers, transactionSize)
    .then((result) => {
      if (process.send) process.send(result, () => process.exit(0));
      else console.log(JSON.stringify({ ...result, samples: undefined }, null, 2));
    })
    .catch((error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    });
}
