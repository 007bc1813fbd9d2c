/**
 * `npm run bench:similarity -- <papers>`: precomputed related work (src/graph/similarity.ts) at
 * one scale, side by side with the on-the-fly statements in the same run.
 *
 * Against the bench Neo4j (bench/neo4j.ts; BENCH_NEO4J_PORT and BENCH_NEO4J_DIR choose another
 * one): when it does not hold a synthetic graph of <papers> papers, it is emptied and one is
 * imported (bench/import.ts, in a child process). Then, all in-process through the API
 * (createApi and yoga.fetch, production configuration, no HTTP), at concurrency
 * SIM_CONCURRENCY (10) for SIM_SECONDS (8) each, after SIM_WARMUP (2) seconds of each that are not
 * counted:
 *
 *   1. relatedWork (one seed, three seeds), relatedToConcept and graph on the fly, without hub
 *      damping (the statements as they were) and with it;
 *   2. a full rebuild of the lists (time, lists per second, store growth per list);
 *   3. the same queries reading the lists (relatedToConcept from the concept lists), and whether
 *      their top 10 equal the on-the-fly top 10;
 *   4. SIM_WRITES (20) curation writes (a concept linked to a work): the write with its stale
 *      marking (the works it marks due, the concepts it gives a change number), then the refresh
 *      of the lists it made stale (its first IN_REQUEST lists, which a mutation's answer waits
 *      for, and the whole), then a refresh with nothing to do, each timed.
 *
 * SIM_KEEP_LISTS=1 skips 1 and 2: it reads the lists the graph already holds (after a change to
 * the statements that read them, say), and measures graph, which reads no list, beside them.
 * SIM_QUERIES loads only the queries named, comma-separated ("graph", "relatedToConcept",
 * "relatedWork, one seed", "relatedWork, three seeds"; default all).
 * SIM_COMPARE (50) bounds the sample works and concepts whose answers are compared (each
 * comparison runs the on-the-fly statements, seconds each at a million papers).
 * With SIM_USE_GRAPH=1 the graph already in a running bench Neo4j is measured as it is (the
 * million-record import: `BENCH_IMPORT_KEEP=1 npx tsx bench/import-records.ts large 1000000`,
 * then BENCH_NEO4J_PORT=7692 BENCH_NEO4J_DIR=.neo4j/bench-import).
 *
 * Prints a Markdown section for bench/RESULTS.md. Leaves the bench Neo4j running (stop it with
 * `BENCH_NEO4J_PORT=… BENCH_NEO4J_DIR=… npx tsx -e "…stopBenchNeo4j()"` or by its pid file).
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { linkWorkToConcept } from '../src/db/curation.js';
import { computeConceptListsFor, rankedRelatedToConcept, relatedToConceptOnTheFly } from '../src/graph/concept-lists.js';
import { relatedWork } from '../src/graph/ranking.js';
import { computeListsFor, rankedRelatedWork, refreshSimilarity } from '../src/graph/similarity.js';
import { scoreTuning } from '../src/model/vocabulary.js';
import { IN_REQUEST } from '../src/server/similarity-refresh.js';
import { createApi } from '../src/server/yoga.js';
import { percentile } from './load.js';
import { benchDatabase, benchDriver, emptyDatabase, projectRoot, startBenchNeo4j } from './neo4j.js';

const papers = Number(process.argv[2] ?? 10_000);
const concurrency = Number(process.env.SIM_CONCURRENCY ?? 10);
const seconds = Number(process.env.SIM_SECONDS ?? 8);
const warmup = Number(process.env.SIM_WARMUP ?? 2);
const writes = Number(process.env.SIM_WRITES ?? 20);
const rebuildMax = Number(process.env.SIM_REBUILD_MAX ?? Number.POSITIVE_INFINITY);
const useGraph = process.env.SIM_USE_GRAPH === '1';
let measuredPapers = papers;
/** Sample works (and concepts) whose answers from the lists are compared with the on-the-fly ones. */
const compared = Number(process.env.SIM_COMPARE ?? 50);
const keepLists = process.env.SIM_KEEP_LISTS === '1';

const db = benchDatabase();

/** Removes every list (auto-commit transactions, as CALL ... IN TRANSACTIONS requires). */
async function clearLists() {
  const driver = benchDriver(1);
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (l:SimilarList) CALL (l) { DETACH DELETE l } IN TRANSACTIONS OF 50000 ROWS');
    await session.run(
      'MATCH (w:Work) WHERE w.similarAt IS NOT NULL CALL (w) { REMOVE w.similarAt, w.similarEpoch, w.similarBuiltEpoch, w.similarChangeSeen } IN TRANSACTIONS OF 50000 ROWS',
    );
    await session.run(
      'MATCH (c:Concept) WHERE c.similarAt IS NOT NULL CALL (c) { REMOVE c.similarAt, c.similarEpoch, c.similarBuiltEpoch } IN TRANSACTIONS OF 50000 ROWS',
    );
    await session.run('MATCH (w:SimilarDue) CALL (w) { REMOVE w:SimilarDue } IN TRANSACTIONS OF 50000 ROWS');
    await session.run('MATCH (c:Concept) WHERE c.similarChange IS NOT NULL REMOVE c.similarChange, c:SimilarChanged');
    // The lists are all missing again, and the first refresh labels the works whose list is due.
    await session.run('MATCH (b:SimilarityBuild) REMOVE b.dueLabelled');
  } finally {
    await session.close();
    await driver.close();
  }
}
const log = (line: string) => console.error(line);

async function one<T>(text: string, params: Record<string, unknown> = {}): Promise<T> {
  return (await db.runText(text, params, 'READ'))[0] as T;
}

async function ensureGraph() {
  await startBenchNeo4j(log);
  const { n } = await one<{ n: number }>('MATCH (p:Paper) RETURN count(p) AS n');
  if (n === papers) return;
  if (useGraph) {
    log(`SIM_USE_GRAPH=1: measuring the graph the bench Neo4j holds (${n} papers) as it is`);
    measuredPapers = n;
    return;
  }
  log(`bench Neo4j holds ${n} papers, not ${papers}: emptying it and importing ${papers}`);
  const driver = benchDriver();
  await emptyDatabase(driver, db);
  await driver.close();
  await new Promise<void>((resolve, reject) => {
    const child = fork(path.join(projectRoot, 'bench/import.ts'), [String(papers)], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=12000'],
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`import exited with ${code}`))));
  });
}

const yoga = createApi({
  db,
  config: loadConfig({ NODE_ENV: 'production', EMBED_MODEL: 'none' }),
});

async function gql(query: string, variables: Record<string, unknown>) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
}

interface Measured {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
}

/**
 * `concurrency` clients, each sending its next request when the last one answered, for `seconds`,
 * after `warmup` seconds of the same that are not counted: the first requests of a statement wait
 * for Neo4j to plan it, and without a warm-up a 5 s round put those in its p95.
 */
async function load(request: (i: number) => Promise<unknown>): Promise<Measured> {
  if (warmup > 0) await loadFor(request, warmup);
  return loadFor(request, seconds);
}

async function loadFor(request: (i: number) => Promise<unknown>, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = next++;
        const start = performance.now();
        try {
          await request(i);
        } catch (error) {
          if (errors++ === 0) log(`error: ${(error as Error).message}`);
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

const RELATED =
  'query($to: [ID!]!) { relatedWork(to: $to, first: 10) { score computedAt work { ... on Talk { id } ... on Paper { id } } reasons { kind weight source { line quote } } } }';
const CONCEPT =
  'query($c: String!) { relatedToConcept(concept: $c, first: 10) { score work { ... on Talk { id } ... on Paper { id } } reasons { kind weight } } }';
const GRAPH = 'query($id: [ID!]) { graph(center: $id) { nodes { id label } edges { source target type } } }';

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const row = (name: string, m: Measured) => `| ${name} | ${(m.requests / seconds).toFixed(1)} | ${ms(m.p50)} | ${ms(m.p95)} | ${m.errors} |`;

async function main() {
  await ensureGraph();
  const works = (
    await db.runText(
      'MATCH (w:Work) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) } WITH w ORDER BY w.id WITH collect(w.id) AS ids ' +
        'RETURN [i IN range(0, 49) | ids[toInteger(i * size(ids) / 50.0)]] AS sample',
      {},
      'READ',
    )
  )[0]!.sample as string[];
  const conceptSample = (
    await db.runText(
      'MATCH (c:Concept) WITH c ORDER BY c.id WITH collect(c {.id, .name}) AS every ' +
        'RETURN [i IN range(0, 49) | every[toInteger(i * size(every) / 50.0)]] AS sample',
      {},
      'READ',
    )
  )[0]!.sample as { id: string; name: string }[];
  const concepts = conceptSample.map((c) => c.name);
  const triples = works.map((_, i) => [works[i]!, works[(i + 17) % works.length]!, works[(i + 31) % works.length]!]);
  const queries = {
    'relatedWork, one seed': (i: number) => gql(RELATED, { to: [works[i % works.length]] }),
    'relatedWork, three seeds': (i: number) => gql(RELATED, { to: triples[i % triples.length] }),
    relatedToConcept: (i: number) => gql(CONCEPT, { c: concepts[i % concepts.length] }),
    graph: (i: number) => gql(GRAPH, { id: [works[i % works.length]] }),
  };
  const only = process.env.SIM_QUERIES?.split(',').map((name) => name.trim());
  for (const name of Object.keys(queries) as (keyof typeof queries)[]) if (only && !only.includes(name)) delete queries[name];
  const lines: string[] = [];
  // Each line is also written to stderr as it is measured, so a long run shows its progress.
  const emit = (...xs: string[]) => {
    lines.push(...xs);
    for (const x of xs) log(x);
  };
  const table = (title: string) =>
    emit('', `${title}:`, '', '| query | req/s | p50 ms | p95 ms | errors |', '| --- | --- | --- | --- | --- |');

  // 1. On the fly, first as the statements were (no hub damping), then with it.
  if (keepLists) log('SIM_KEEP_LISTS=1: reading the lists the graph holds (no on-the-fly rows, no rebuild)');
  else {
    await clearLists();
    const hubLimit = scoreTuning.hubLimit;
    scoreTuning.hubLimit = 2_000_000_000;
    table('On the fly, without hub damping (the statements before this change)');
    for (const [name, request] of Object.entries(queries)) if (name !== 'graph') emit(row(name, await load(request)));
    scoreTuning.hubLimit = hubLimit;
    table(`On the fly, hub damping at ${hubLimit}`);
    for (const [name, request] of Object.entries(queries)) emit(row(name, await load(request)));

    // 2. A full rebuild (or, with SIM_REBUILD_MAX, the samples' lists and then that many more, timed).
    let last = 0;
    if (rebuildMax < Number.POSITIVE_INFINITY) {
      await computeListsFor(db, [...new Set([...works, ...triples.flat()])]);
      await computeConceptListsFor(db, [...new Set(conceptSample.map((c) => c.id))]);
    }
    const rebuilt = await refreshSimilarity(db, {
      all: true,
      since: Date.now(),
      atMost: rebuildMax,
      onProgress: (done, total) => {
        if (done - last >= 1000 || done === total) {
          last = done;
          log(`  lists: ${done}/${total}`);
        }
      },
    });
    const { conceptLists } = await one<{ conceptLists: number }>(
      'MATCH (c:Concept)-[:HAS_SIMILAR]->(:SimilarList) RETURN count(c) AS conceptLists',
    );
    // Each list: a SimilarList node (15-byte record) and its HAS_SIMILAR relationship (34), one
    // 41-byte property record pointing at two arrays, and the arrays in 128-byte dynamic records
    // (120 bytes of data each): the ids as a string array (a 5-byte header, then each id's length in
    // 4 bytes and its UTF-8 bytes), the scores as 8-byte floats after a 3-byte header.
    const { listed, blocks, items } = await one<{ listed: number; blocks: number; items: number }>(
      'MATCH (:Work)-[:HAS_SIMILAR]->(l:SimilarList) RETURN count(l) AS listed, sum(size(l.ids)) AS items, ' +
        'sum(ceil((5 + reduce(b = 0, id IN l.ids | b + 4 + size(id))) / 120.0) + ceil((3 + 8 * size(l.scores)) / 120.0)) AS blocks',
    );
    const [{ owners }] = [
      await one<{ owners: number }>('MATCH (w:Work) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) } RETURN count(w) AS owners'),
    ];
    const perList = 15 + 34 + 41 + (128 * blocks) / listed;
    emit(
      '',
      `Rebuild: ${rebuilt.computed} of ${owners} lists timed (${(rebuilt.computed / rebuilt.seconds).toFixed(1)} lists/s, so a full rebuild takes about ${(owners / (rebuilt.computed / rebuilt.seconds) / 60).toFixed(0)} min); now ${listed} lists of ${(items / listed).toFixed(1)} works on average, ` +
        `at the record sizes of Neo4j's store (a list node, its relationship, a property record and ${(blocks / listed).toFixed(1)} dynamic array records of 128 bytes) ` +
        `${perList.toFixed(0)} bytes per list, ${((perList * owners) / 2 ** 20).toFixed(0)} MiB for every list of this graph. ` +
        `Concept lists: ${rebuilt.concepts ?? 0} computed in the same rebuild, ${conceptLists} stored.`,
    );
  }

  // 3. Reading the lists, and the answers compared with the on-the-fly ones.
  table('Reading the lists');
  for (const [name, request] of Object.entries(queries)) if (name !== 'graph' || keepLists) emit(row(name, await load(request)));
  let same = 0;
  let sameTriples = 0;
  let fromLists = 0;
  const comparedWorks = works.slice(0, compared);
  const comparedConcepts = conceptSample.slice(0, compared);
  for (const [i, id] of comparedWorks.entries()) {
    const listedAnswer = await rankedRelatedWork(db, [id], [], 10);
    if (listedAnswer.computedAt !== null) fromLists++;
    const reference = await relatedWork(db, [id], [], 10);
    if (listedAnswer.works.map((w) => w.work.id).join() === reference.map((w) => w.work.id).join()) same++;
    const triple = triples[i]!;
    const a = new Set((await rankedRelatedWork(db, triple, [], 10)).works.map((w) => w.work.id));
    const b = (await relatedWork(db, triple, [], 10)).map((w) => w.work.id);
    if (b.length === a.size && b.every((x) => a.has(x))) sameTriples++;
  }
  let sameConcepts = 0;
  let conceptsFromLists = 0;
  for (const { id } of comparedConcepts) {
    const listedAnswer = await rankedRelatedToConcept(db, id, 10);
    if (listedAnswer.computedAt !== null) conceptsFromLists++;
    const reference = await relatedToConceptOnTheFly(db, id, 10);
    const key = (ranked: { work: { id: unknown }; score: number }[]) => ranked.map((w) => `${w.work.id} ${w.score.toFixed(9)}`).join();
    if (key(listedAnswer.works) === key(reference)) sameConcepts++;
  }
  emit(
    '',
    `Answers from the lists (${fromLists} of ${comparedWorks.length} read from a list): one seed, the same top 10 in the same order as on the fly for ${same} of ${comparedWorks.length}; ` +
      `three seeds, the same top-10 set for ${sameTriples} of ${comparedWorks.length}; relatedToConcept (${conceptsFromLists} of ${comparedConcepts.length} read from a list), ` +
      `the same top 10 in the same order with the same scores for ${sameConcepts} of ${comparedConcepts.length}.`,
  );

  // 4. Curation writes and the refresh after each.
  const conceptIds = (
    await db.runText(
      // The 101st concept on (in id order, as runs before), or the middle one in a small graph.
      'MATCH (c:Concept) WITH c ORDER BY c.id WITH collect(c.id) AS ids WITH ids, CASE WHEN size(ids) > 200 THEN 100 ELSE size(ids) / 2 END AS from ' +
        'UNWIND ids[from..from + $n] AS id RETURN id',
      { n: writes },
      'READ',
    )
  ).map((r) => r.id as string);
  const writeMs: number[] = [];
  const inRequestMs: number[] = [];
  const refreshMs: number[] = [];
  const idleMs: number[] = [];
  const markedDirectly: number[] = [];
  const conceptsChanged: number[] = [];
  const refreshed: number[] = [];
  const refreshedConcepts: number[] = [];
  for (let i = 0; i < writes; i++) {
    const work = works[(i * 7) % works.length]!;
    let start = performance.now();
    await linkWorkToConcept(db, 'bench', work, conceptIds[i]!, { url: 'https://example.org/bench', quote: 'bench write' });
    writeMs.push(performance.now() - start);
    const [due] = await db.runText<{ works: number; concepts: number }>(
      'RETURN COUNT { (:SimilarDue) } AS works, COUNT { (:SimilarChanged) } AS concepts',
      {},
      'READ',
    );
    markedDirectly.push(due?.works ?? 0);
    conceptsChanged.push(due?.concepts ?? 0);
    // As the API does (src/server/similarity-refresh.ts): IN_REQUEST lists before the mutation's answer, the rest after it.
    start = performance.now();
    const first = await refreshSimilarity(db, { atMost: IN_REQUEST });
    inRequestMs.push(performance.now() - start);
    const rest = await refreshSimilarity(db);
    refreshMs.push(performance.now() - start);
    refreshed.push(first.computed + rest.computed);
    refreshedConcepts.push((first.concepts ?? 0) + (rest.concepts ?? 0));
    // What every later mutation pays when nothing is left to refresh.
    start = performance.now();
    await refreshSimilarity(db);
    idleMs.push(performance.now() - start);
  }
  const p = (xs: number[], q: number) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      q,
    );
  if (writes > 0)
    emit(
      '',
      `${writes} curation writes (linkWorkToConcept, the stale marking in its transaction): p50 ${ms(p(writeMs, 50))} ms, p95 ${ms(p(writeMs, 95))} ms, ` +
        `marking ${p(markedDirectly, 50)} works due at the median (max ${Math.max(...markedDirectly)}) and giving ${p(conceptsChanged, 50)} concepts a change number (max ${Math.max(...conceptsChanged)}). ` +
        `The refresh after each: p50 ${ms(p(refreshMs, 50))} ms, p95 ${ms(p(refreshMs, 95))} ms, ` +
        `recomputing ${p(refreshed, 50)} work lists at the median (max ${Math.max(...refreshed)}) and ${p(refreshedConcepts, 50)} concept lists (max ${Math.max(...refreshedConcepts)}); ` +
        `its first ${IN_REQUEST} lists, which a mutation through the API computes before it answers: p50 ${ms(p(inRequestMs, 50))} ms, p95 ${ms(p(inRequestMs, 95))} ms. ` +
        `A refresh with nothing left to compute: p50 ${ms(p(idleMs, 50))} ms, p95 ${ms(p(idleMs, 95))} ms.`,
    );
  const loadAverage = loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
  console.log(
    [
      `### ${measuredPapers.toLocaleString('en')} papers (concurrency ${concurrency}, ${seconds} s per query; load average at the end ${loadAverage} on 2 cores)`,
      ...lines,
    ].join('\n'),
  );
}

try {
  await main();
} finally {
  await db.close();
}
