/**
 * Crashes, with the real processes and the real managed Neo4j: `kill -9` of `npm run import`
 * part-way through a large import, and `kill -9` of Neo4j during an import and during a curation
 * write. After the restart the graph is exactly as before the write, or exactly as after it
 * (node and relationship counts and a content hash over every node and relationship), never in
 * between; the next start of the server starts normally, and importing again converges.
 *
 * The kill lands at a random point of the write (after its first committed batch, or while the
 * curation's transaction is open); the seed of each run is printed, so a failure can be replayed
 * with CRASH_SEED.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generatePack } from '../../bench/generate.js';
import { seededRandom } from '../../bench/random.js';
import { type App, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startLocalNeo4j } from '../../src/db/local-neo4j.js';
import { connectTestDb, graphHash, nodesNow, removeNodesAddedSince, TestHelper, totalCounts } from './helpers.js';

const neo4j = inject('neo4j');
const root = path.resolve(import.meta.dirname, '../..');
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(seed);
const helper = new TestHelper('crash', { NEO4J_QUERY_TIMEOUT_MS: '600000' });
const db = helper.db;
const RECORDS = 1200;
const BATCH = 40;
const IMPORT_ID = /import-[a-z0-9]+-[0-9a-f]{6}/g;
const MATCH_KEY = /"(titleKey|nameKey)":"(?:[^"\\]|\\.)*",?/g;

/**
 * Counts and a content hash in which import ids (new on every run of the same file) read the same.
 * Left out: the folded title and name that the first import computes once for the papers and people
 * that lack them (import/without-keys.cypher), derived from the title or name as an index entry is,
 * and kept when an import is taken back.
 */
async function state() {
  return {
    ...(await totalCounts(db)),
    hash: await graphHash(db, (line) =>
      // A finished import's report says when it finished.
      line.startsWith('node ["ImportReport"]') ? 'node ImportReport' : line.replace(IMPORT_ID, 'import-id').replace(MATCH_KEY, ''),
    ),
  };
}

/**
 * Semantic Scholar JSON Lines of `count` works that exist nowhere else: each with two authors out
 * of a pool, citing up to three earlier works of the file, and every tenth citing the pack's
 * Wasserstein GAN (so the import also links to nodes that were there before it).
 */
function recordsFile(count: number, tag: string): string {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const cites = [...new Set([i - 1, i - 7, Math.floor(i / 2)].filter((j) => j >= 0 && j < i))];
    lines.push(
      JSON.stringify({
        externalIds: { DOI: `10.5555/${tag}.${i}` },
        title: `Crash study ${tag} number ${i} on resilient writes`,
        year: 2010 + (i % 15),
        venue: 'Workshop on Crashes',
        authors: [{ name: `Crashwriter${i % 37} Tester` }, { name: `Crashreader${i % 53} Tester` }],
        abstract: `Study ${i} of what a half-written import leaves behind.`,
        references: [
          ...cites.map((j) => ({ externalIds: { DOI: `10.5555/${tag}.${j}` } })),
          ...(i % 10 === 0 ? [{ externalIds: { ArXiv: '1701.07875' } }] : []),
        ],
      }),
    );
  }
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const file = path.join(root, `test-results/crash-${tag}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface Child {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm run import` as a user runs it, as one process (tsx as a loader, so a kill reaches the importer itself). */
function runImport(file: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/ingest/import-cli.ts', file, '--batch-size', String(BATCH)], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: neo4j.password,
      EMBED_MODEL: 'none',
      NEO4J_RETRY_MS: '2000',
      NEO4J_CONNECT_TIMEOUT_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Batches an import has committed so far (its ImportRun node counts them), or null before it began. */
async function batchesCommitted(): Promise<number | null> {
  const [row] = await db.runText<{ batches: number }>('MATCH (r:ImportRun) RETURN coalesce(r.batches, 0) AS batches', {}, 'READ');
  return row?.batches ?? null;
}

/** The processes whose parent is `pid`, with their command lines (Linux's /proc). */
function childrenOf(pid: number): { pid: number; command: string }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // "pid (name) state ppid ...": the name may hold spaces, so fields are counted after it.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== pid) return [];
        return [{ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ') }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

/** Waits until the running import has committed `batches` batches. */
async function afterBatches(child: Child, batches: number): Promise<void> {
  await expect
    .poll(async () => child.child.exitCode !== null || ((await batchesCommitted()) ?? 0) >= batches, { timeout: 120_000, interval: 20 })
    .toBe(true);
  expect(child.child.exitCode, child.output()).toBeNull();
}

/** The managed Neo4j's process, killed the way a power cut or the OOM killer would. */
function killNeo4j(): void {
  const [pid] = readFileSync(path.join(neo4j.managed!.dir, 'neo4j.pid'), 'utf8').trim().split(/\s+/);
  process.kill(Number(pid), 'SIGKILL');
}

/** A server as `npm start` makes it, on the test Neo4j; resolves once it has prepared the database. */
async function startServer(lines: string[]): Promise<App> {
  const config = loadConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_PASSWORD: neo4j.password,
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_ON_START: 'true',
    EMBED_MODEL: 'none',
  });
  const app = await startApp(config, (line) => lines.push(line), 1000);
  await app.prepared;
  return app;
}

/** Removes what the imports of this file wrote, by import id (the ids that existed before are kept). */
async function takeBackImports(before: Set<string>): Promise<void> {
  const rows = await db.runText<{ id: string }>('MATCH (n) WHERE n.import IS NOT NULL RETURN DISTINCT n.import AS id', {}, 'READ');
  for (const { id } of rows) if (!before.has(id)) await db.write('import/rollback', { import: id }, { bounded: false });
}

let importsBefore = new Set<string>();

beforeAll(async () => {
  // The imports an earlier run of this file left behind when it stopped half way.
  const left = await db.runText<{ id: string }>(
    "MATCH (n:Paper) WHERE n.sourceDocument = 'crash-kill.jsonl' RETURN DISTINCT n.import AS id",
    {},
    'READ',
  );
  for (const { id } of left) await db.write('import/rollback', { import: id }, { bounded: false });
  await db.runText('MATCH (r:ImportRun) DELETE r');
  const rows = await db.runText<{ id: string }>('MATCH (n) WHERE n.import IS NOT NULL RETURN DISTINCT n.import AS id', {}, 'READ');
  importsBefore = new Set(rows.map((r) => r.id));
  console.log(`crash.test.ts: CRASH_SEED=${seed}`);
});

afterAll(async () => {
  if (neo4j.managed) await startLocalNeo4j(neo4j.managed);
  await takeBackImports(importsBefore);
  await helper.close();
});

describe.runIf(neo4j.managed !== null)('crashes part-way through a write', () => {
  const file = recordsFile(RECORDS, 'kill');
  let before: Awaited<ReturnType<typeof state>>;
  let after: Awaited<ReturnType<typeof state>>;

  it('a complete import, and the same graph again once it is taken back (the references below)', async () => {
    before = await state();
    const full = runImport(file);
    expect(await full.exited, full.output()).toBe(0);
    expect(full.output()).toContain(`${RECORDS} records`);
    after = await state();
    expect(after.nodes).toBeGreaterThan(before.nodes + RECORDS);
    expect(await batchesCommitted()).toBeNull(); // a finished import leaves no ImportRun
    await takeBackImports(importsBefore);
    expect(await state()).toEqual(before);
  }, 300_000);

  it('kill -9 of the import: the next start takes back its batches, then the graph is as before; importing again gives the complete graph', async () => {
    const importer = runImport(file);
    const batches = 1 + Math.floor(random() * (RECORDS / BATCH - 2));
    await afterBatches(importer, batches);
    // An import of records runs in a child process with a bounded heap (src/ingest/import-cli.ts)...
    const [worker] = childrenOf(importer.child.pid!);
    expect(worker?.command).toMatch(/--max-old-space-size=1024 \S*src\/ingest\/import-cli\.ts /);
    importer.child.kill('SIGKILL');
    await importer.exited;
    // ...which goes with the process it was started from.
    await expect.poll(() => existsSync(`/proc/${worker!.pid}`), { timeout: 10_000, interval: 20 }).toBe(false);

    const killed = await state();
    expect(killed.nodes).toBeGreaterThan(before.nodes); // half-written: what this test is about
    expect(killed.nodes).toBeLessThan(after.nodes);

    const lines: string[] = [];
    const app = await startServer(lines);
    try {
      expect(lines.join('\n')).toMatch(
        /import import-\S+ of crash-kill\.jsonl \(started .* batches committed\) was interrupted; took back/,
      );
      expect(lines).toContain('Ready.');
      expect(await state()).toEqual(before);
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ talk(id: "wasserstein-gan") { title } }' }),
      });
      expect(await response.json()).toEqual({ data: { talk: { title: 'Wasserstein GAN' } } });
    } finally {
      await app.close();
    }

    const again = runImport(file);
    expect(await again.exited, again.output()).toBe(0);
    expect(await state()).toEqual(after);
    await takeBackImports(importsBefore);
    expect(await state()).toEqual(before);
  }, 300_000);

  it('an import whose process still runs is left alone by a start meanwhile', async () => {
    const importer = runImport(file);
    await afterBatches(importer, 1);
    const lines: string[] = [];
    const app = await startServer(lines);
    await app.close();
    expect(lines.join('\n')).toMatch(/import import-\S+ of crash-kill\.jsonl .* is still running; left alone/);
    expect(await importer.exited, importer.output()).toBe(0);
    expect(await state()).toEqual(after);
    await takeBackImports(importsBefore);
  }, 300_000);

  it('kill -9 of Neo4j during an import: the import fails, and after Neo4j and the server restart the graph is as before', async () => {
    expect(await state()).toEqual(before);
    const importer = runImport(file);
    await afterBatches(importer, 1 + Math.floor(random() * (RECORDS / BATCH - 2)));
    killNeo4j();
    expect(await importer.exited).not.toBe(0);
    expect(importer.output()).toMatch(/error: the import was rolled back|unavailable|ServiceUnavailable|connect/i);

    await startLocalNeo4j(neo4j.managed!);
    const lines: string[] = [];
    const app = await startServer(lines);
    await app.close();
    expect(lines.join('\n')).toMatch(/import import-\S+ of crash-kill\.jsonl .* was interrupted; took back/);
    expect(await state()).toEqual(before);
  }, 300_000);
});

describe.runIf(neo4j.managed !== null)('kill -9 of Neo4j during a curation write', () => {
  // A pack of 1,000 synthetic papers (2,087 nodes, 9,702 relationships) through importPack: one
  // transaction, long enough to be killed while it is open.
  const generated = generatePack(1000);
  const mutation = `mutation($pack: String!, $documents: [DocumentInput!]!) {
    importPack(pack: $pack, documents: $documents) { labels { name count } }
  }`;
  const send = () => helper.requestAsCurator(mutation, { pack: generated.yaml, documents: [{ file: 'notes.txt', text: generated.notes }] });
  let nodeIds: string[] = [];
  const removePack = async () => {
    await removeNodesAddedSince(db, nodeIds);
  };
  /**
   * Counts and hash, apart from the log's own record (a Change says when it was made) and the
   * `version` counters: two loads of the same pack into the same graph leave a concept at version 2
   * or 3 (how many of the load's statements touched it), so that number cannot tell them apart.
   */
  const curationState = async () => ({
    ...(await totalCounts(db)),
    hash: await graphHash(db, (line) => (line.startsWith('node ["Change"') ? 'change' : line.replace(/"version":\d+/, '"version":0'))),
  });

  afterAll(async () => {
    if (nodeIds.length) await removePack();
  });

  it('the graph is exactly as before the write or exactly as after it', async () => {
    nodeIds = await nodesNow(db);
    const before = await curationState();

    // The reference: the write done whole, then removed again.
    const done = await send();
    expect(done.errors).toBeUndefined();
    const after = await curationState();
    expect(after.nodes).toBe(before.nodes + generated.expected.nodes + 1); // and its Change record
    await removePack();
    expect(await curationState()).toEqual(before);

    // The crash: Neo4j killed while the write's transaction is open, at a random point of it.
    const pending = send();
    const monitor = connectTestDb();
    try {
      await expect
        .poll(
          async () =>
            (
              await monitor.runText<{ n: number }>(
                "SHOW TRANSACTIONS YIELD metaData WHERE metaData.operation STARTS WITH 'load-pack:' RETURN count(*) AS n",
                {},
                'READ',
              )
            )[0]!.n,
          { timeout: 60_000, interval: 10 },
        )
        .toBe(1);
    } finally {
      await monitor.close();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1500)));
    killNeo4j();
    const answer = await pending;
    await startLocalNeo4j(neo4j.managed!);

    const restarted = await curationState();
    if (answer.errors === undefined) {
      // Acknowledged: it must be there, whole.
      expect(restarted).toEqual(after);
    } else {
      expect(answer.errors[0]!.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect([before, after]).toContainEqual(restarted);
    }
    console.log(
      `crash.test.ts: the curation write was ${restarted.nodes === before.nodes ? 'not committed (before)' : 'committed (after)'}`,
    );
    await removePack();
    expect(await curationState()).toEqual(before);
  }, 600_000);
});
