/**
 * `npx tsx bench/embedding-refresh.ts`: what the embedding refresh after one curation reads, on a
 * graph that is already there (the million-record import's, say: BENCH_NEO4J_PORT=7692
 * BENCH_NEO4J_DIR=.neo4j/bench-import). Side by side, ROUNDS (10) times each, after one round
 * that is not counted:
 *
 * - every text: what each mutation's refresh read before 2026-12-07, `semantic/texts` (every talk,
 *   paper and concept with its stored embedding's hash, in pages of 5,000 as a refresh of every
 *   text now reads them), each text composed and hashed as src/embed/store.ts does, then
 *   `semantic/prune`;
 * - due only: what it reads now, `semantic/mark-due` for two random works (as a curation's
 *   transaction runs it) and `semantic/claim-due`.
 *
 * The model's time is left out: the same texts are embedded either way (none on a graph whose
 * embeddings are current). Writes nothing that stays: the labels marked are claimed again.
 * Prints a Markdown table for bench/RESULTS.md.
 */

import type { EmbeddableRow } from '../src/embed/text.js';
import { embeddedText, textHash } from '../src/embed/text.js';
import { percentile } from './load.js';
import { benchDatabase, startBenchNeo4j } from './neo4j.js';

const rounds = Number(process.env.ROUNDS ?? 10);
const db = benchDatabase();
await startBenchNeo4j((line) => console.error(line));

const [{ works }] = (await db.runText<{ works: number }>('MATCH (w:Work) RETURN count(w) AS works', {}, 'READ')) as [{ works: number }];
const sample = (
  await db.runText<{ id: string }>('MATCH (w:Work) WITH w LIMIT 100000 WITH w ORDER BY rand() LIMIT 1000 RETURN w.id AS id', {}, 'READ')
).map((row) => row.id);

async function everyText() {
  const started = performance.now();
  let read = 0;
  let changed = 0;
  for (let after = ''; ; ) {
    const rows = await db.read<EmbeddableRow & { textHash: string | null }>('semantic/texts', { after, limit: 5000 });
    for (const row of rows) if (textHash(embeddedText(row)) !== row.textHash) changed++;
    read += rows.length;
    if (rows.length < 5000) break;
    after = rows.at(-1)!.id;
  }
  await db.write('semantic/prune');
  return { ms: performance.now() - started, rows: read, changed };
}

async function dueOnly() {
  const ids = [sample[Math.floor(Math.random() * sample.length)]!, sample[Math.floor(Math.random() * sample.length)]!];
  const started = performance.now();
  await db.write('semantic/mark-due', { ids });
  const rows = await db.write('semantic/claim-due', { queued: false, limit: Number.MAX_SAFE_INTEGER });
  return { ms: performance.now() - started, rows: rows.length, changed: rows.length };
}

const table: string[] = [];
for (const [name, run] of [
  ['every text (before)', everyText],
  ['due only (now)', dueOnly],
] as const) {
  await run();
  const ms: number[] = [];
  let last = { rows: 0, changed: 0 };
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  for (let i = 0; i < rounds; i++) {
    const result = await run();
    ms.push(result.ms);
    last = result;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    console.error(`${name}: ${result.ms.toFixed(1)} ms, ${result.rows} rows`);
  }
  ms.sort((a, b) => a - b);
  table.push(
    `| ${name} | ${last.rows.toLocaleString('en')} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} | ${ms.at(-1)!.toFixed(1)} | ${Math.round(rssPeak / 2 ** 20)} |`,
  );
}

console.log(`\n${works.toLocaleString('en')} works, ${rounds} rounds each\n`);
console.log('| refresh after one curation reads | rows read | p50 ms | p95 ms | max ms | process RSS MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const line of table) console.log(line);
await db.close();
