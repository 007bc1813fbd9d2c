/**
 * `npm run bench:embed`: the cost of search by meaning on these 2 cores.
 *
 * 1. For each model: embedding throughput (texts per second and CPU ms per text, through
 *    Embedder.embed as the app embeds) for paper titles alone, at the lengths of the synthetic
 *    packs' works (bench/generate.ts: a paper is a title and its concepts' names; a talk adds a
 *    summary of up to 600 characters) and at abstract length (about 470 characters, ~95 tokens),
 *    with where the time went (tokenise, model, pool); and query embedding p50/p95 (one query at a
 *    time, as search embeds it, not cached).
 * 2. For each scale of BENCH_SEMANTIC_SCALES (papers; default 10000; empty: none), in its own
 *    managed Neo4j (BENCH_SEMANTIC_DIR, default .neo4j/bench-semantic; port BENCH_SEMANTIC_PORT, default 7693; API on
 *    BENCH_SEMANTIC_API_PORT, default 4111; its store is
 *    deleted first, unless BENCH_SEMANTIC_REUSE=1 finds the previous run's store of that scale, whose
 *    import and embedding are then not timed again): import the synthetic pack, embed it with the
 *    default model and time that, then
 *    load `search` from 10 connections for BENCH_DURATION seconds (default 10) in LEXICAL and in
 *    HYBRID mode, every search a new query (30,000 different ones), then in both modes going round
 *    the 50 sample searches (HYBRID's query vectors then cached), alternating, through the API
 *    served by a child process (serve-semantic.ts),
 *    after BENCH_WARMUP seconds (default 60) of each mode that are not counted: a Neo4j just
 *    started answers its first minute of load at a third of its later speed or less.
 * BENCH_SEMANTIC_MODELS=0 skips part 1; BENCH_SEMANTIC_TEXT=titles embeds works by their title alone. Prints a markdown section for bench/RESULTS.md and writes bench/results/semantic-<stamp>.json.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { localUri, startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrate.js';
import { Embedder } from '../src/embed/embedder.js';
import { locateModel, MODELS, type ModelName } from '../src/embed/models.js';
import { refreshEmbeddings } from '../src/embed/store.js';
import { embeddedText } from '../src/embed/text.js';
import { loadPack } from '../src/ingest/load-pack.js';
import { readPack } from '../src/ingest/read-pack.js';
import { generatePack, writePack } from './generate.js';
import { httpLoad, percentile } from './load.js';
import { projectRoot } from './neo4j.js';

const log = (line: string) => console.error(line);
const scales = (process.env.BENCH_SEMANTIC_SCALES ?? '10000').split(',').filter(Boolean).map(Number);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 60);
// BENCH_SEMANTIC_TEXT=titles embeds works by their title alone (concepts in full), about a third of
// the model's time: what makes 100,000 papers fit in a run. The search load is the same.
const titlesOnly = process.env.BENCH_SEMANTIC_TEXT === 'titles';
const neo4jOptions = {
  dir: process.env.BENCH_SEMANTIC_DIR ?? '.neo4j/bench-semantic',
  port: Number(process.env.BENCH_SEMANTIC_PORT ?? 7693),
  password: loadConfig({}).NEO4J_PASSWORD,
  // The 100,000-paper pack loads in one transaction: give it BENCH_SEMANTIC_HEAP=6g.
  heap: process.env.BENCH_SEMANTIC_HEAP ?? '2g',
  pageCacheMiB: 1024,
  startTimeoutMs: 600_000,
};

const ABSTRACT =
  'We study how deep networks trained with stochastic gradient descent generalize when the training data are noisy, ' +
  'and show that a simple regularizer on the curvature of the loss keeps the solutions in flat regions. Experiments on ' +
  'image classification and language modeling benchmarks confirm the analysis, and an ablation separates the effect of ' +
  'the learning rate from that of the batch size; the method adds little cost and is easy to implement in practice.';

/** Texts per second, and CPU milliseconds per text (the process's, the model's threads included: the steadier figure on a shared machine). */
async function throughput(embedder: Embedder, texts: string[]) {
  await embedder.embed(texts.slice(0, 32)); // warm-up
  // Absent from an older Embedder being compared (a checkout of an earlier commit running this file).
  const timings = () => ('timings' in embedder ? embedder.timings : undefined);
  const before = { ...timings() };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await embedder.embed(texts);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const after = timings();
  // Where the wall time went, per text.
  const per = (key: 'tokens' | 'tokenizeMs' | 'modelMs' | 'poolMs') => (after ? (after[key] - before[key]!) / texts.length : Number.NaN);
  return {
    perSecond: texts.length / seconds,
    cpuMsPerText: (used.user + used.system) / 1000 / texts.length,
    tokens: per('tokens'),
    stages: { tokenizeMs: per('tokenizeMs'), modelMs: per('modelMs'), poolMs: per('poolMs') },
    load: loadavg()[0]!,
  };
}

async function queryLatency(embedder: Embedder, queries: string[]) {
  const times: number[] = [];
  // As search embeds them (embedQuery), each query once so that none comes from its cache.
  for (const query of new Set(queries)) {
    const start = performance.now();
    await embedder.embedQuery(query);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function modelFigures() {
  const generated = generatePack(1000);
  const loaded = await readPack(writePack(generated, path.join(projectRoot, 'bench/.data/semantic-1000')));
  const { pack } = loaded;
  const conceptName = new Map(pack.concepts.map((c) => [c.id, [c.name, ...(c.aliases ?? [])].join(' ')]));
  const topics = (concepts: { concept: string }[] | undefined) => (concepts ?? []).map((c) => conceptName.get(c.concept) ?? '').join(' | ');
  const papers = pack.papers
    .slice(0, 320)
    .map((p) => embeddedText({ id: p.id, kind: 'Paper', title: p.title, conceptText: topics(p.concepts) }));
  const talks = pack.talks
    .slice(0, 50)
    .map((t) => embeddedText({ id: t.id, kind: 'Talk', title: t.title, summary: t.summary, conceptText: topics(t.concepts) }));
  const titles = pack.papers.slice(0, 320).map((p) => p.title);
  const abstracts = Array.from({ length: 160 }, (_, i) => `Paper ${i}. ${ABSTRACT}`);
  const rows = [];
  for (const name of Object.keys(MODELS) as ModelName[]) {
    const embedder = await Embedder.load(await locateModel(name));
    const row = {
      model: name,
      titles: await throughput(embedder, titles),
      papers: await throughput(embedder, papers),
      talks: await throughput(embedder, talks),
      abstracts: await throughput(embedder, abstracts),
      query: await queryLatency(embedder, generated.samples.searches.concat(generated.samples.concepts).slice(0, 100)),
    };
    log(`${name}: ${JSON.stringify(row)}`);
    rows.push(row);
    await embedder.close();
  }
  const mean = (texts: string[]) => Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length);
  return { rows, lengths: { title: mean(titles), paper: mean(papers), talk: mean(talks), abstract: mean(abstracts) } };
}

const LOADS = ['LEXICAL', 'HYBRID', 'LEXICAL, repeated', 'HYBRID, repeated'] as const;
type LoadName = (typeof LOADS)[number];

function serve(uri: string, port: number): Promise<ChildProcess> {
  const child = fork(path.join(projectRoot, 'bench/serve-semantic.ts'), [uri, String(port)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}`)));
  });
}

/**
 * How many Lucene segments the vector index has on disk now: Lucene searches each one, so a
 * search costs more the more there are (README, "Search by meaning").
 */
function vectorSegments(): number {
  const dir = path.join(projectRoot, neo4jOptions.dir, 'data/databases/neo4j/schema/index/vector-2.0');
  if (!existsSync(dir)) return 0;
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.si')).length;
}

/** The store of the previous run, when BENCH_SEMANTIC_REUSE=1 and it holds this scale embedded: its import and embedding figures. */
async function previousRun(db: Database, papers: number) {
  if (process.env.BENCH_SEMANTIC_REUSE !== '1') return null;
  const [row] = await db.runText('MATCH (p:Paper) RETURN count(p) AS papers, COUNT { (:Embedding) } AS embedded', {}, 'READ');
  return row?.papers === papers && (row.embedded as number) > papers ? { embedded: row.embedded as number } : null;
}

async function scaleFigures(papers: number) {
  if (process.env.BENCH_SEMANTIC_REUSE !== '1') rmSync(path.join(projectRoot, neo4jOptions.dir, 'data'), { recursive: true, force: true });
  const neo4jPid = (await startLocalNeo4j(neo4jOptions, log)).pid;
  const uri = localUri(neo4jOptions.port);
  const db = Database.connect({ uri, user: 'neo4j', password: neo4jOptions.password, database: 'neo4j', queryTimeoutMs: 600_000 });
  try {
    await migrate(db);
    const generated = generatePack(papers);
    const reused = await previousRun(db, papers);
    let importSeconds = Number.NaN;
    let embedSeconds = Number.NaN;
    let report: { embedded: number; embedSeconds?: number; writeSeconds?: number } = { embedded: reused?.embedded ?? 0 };
    if (reused) log(`  reusing the store of the previous run: ${papers} papers, ${reused.embedded} embeddings`);
    else {
      const loaded = await readPack(writePack(generated, path.join(projectRoot, `bench/.data/semantic-${papers}`)));
      let start = performance.now();
      await loadPack(db, loaded);
      importSeconds = (performance.now() - start) / 1000;
      log(`  ${papers} papers imported in ${importSeconds.toFixed(0)} s`);
      const embedder = await Embedder.load(await locateModel(loadConfig({}).EMBED_MODEL as ModelName));
      start = performance.now();
      let logged = 0;
      report = await refreshEmbeddings(db, embedder, {
        onProgress: (done, total) => {
          if (done - logged < 2048 && done < total) return;
          logged = done;
          log(`  checked ${done}/${total}`);
        },
        textOf: titlesOnly ? (row) => (row.kind === 'Concept' ? embeddedText(row) : (row.title ?? '')) : embeddedText,
      });
      embedSeconds = (performance.now() - start) / 1000;
      await embedder.close();
      log(
        `  ${report.embedded} texts embedded in ${embedSeconds.toFixed(0)} s (model ${report.embedSeconds?.toFixed(0)} s, ` +
          `Neo4j writes ${report.writeSeconds?.toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)})`,
      );
    }

    const segments = vectorSegments();
    log(`  vector index: ${segments} Lucene segments`);
    const port = Number(process.env.BENCH_SEMANTIC_API_PORT ?? 4111);
    const child = await serve(uri, port);
    const body = (query: string, mode: string) => ({
      query:
        'query($q: String!, $m: SearchMode) { search(query: $q, mode: $m, first: 10) { totalCount edges { score matchedBy node { __typename } } } }',
      variables: { q: query, m: mode },
    });
    // Every search of the counted load is a new query, as a user's would be: HYBRID embeds each
    // one (the embedder keeps the last 1000 query vectors, so a short list going round would be
    // embedded once and then read from that cache). Each load goes on where the last one stopped.
    // The "repeated" loads go round the 50 sample searches instead (one or two words, or a concept's
    // name), as this bench did before 2026-12-07: HYBRID's query vectors are then cached after the
    // first pass, which shows the search without the query's embedding.
    const distinct = generated.samples.distinctSearches;
    let used = 0;
    const fresh = (count: number) => Array.from({ length: count }, (_, i) => distinct[(used + i) % distinct.length]!);
    const load: Record<LoadName, Awaited<ReturnType<typeof httpLoad>>[]> = {
      LEXICAL: [],
      HYBRID: [],
      'LEXICAL, repeated': [],
      'HYBRID, repeated': [],
    };
    const loadFor = async (name: LoadName, seconds: number) => {
      const mode = name.startsWith('LEXICAL') ? 'LEXICAL' : 'HYBRID';
      const repeated = name.endsWith('repeated');
      const queries = repeated ? generated.samples.searches : fresh(distinct.length);
      const result = await httpLoad({
        url: `http://127.0.0.1:${port}`,
        bodies: queries.map((q) => body(q, mode)),
        connections: 10,
        seconds,
        timeoutSeconds: 10,
        ourPids: () => [process.pid, child.pid!, neo4jPid],
      });
      // The requests answered, and those still on their way when the load stopped.
      if (!repeated) used += result.requests + 10;
      return result;
    };
    try {
      for (const name of warmup > 0 ? (['LEXICAL', 'HYBRID'] as const) : []) {
        const result = await loadFor(name, warmup);
        log(`  ${name} warm-up (not counted): p95 ${result.p95.toFixed(0)} ms, ${result.rps.toFixed(0)} req/s`);
      }
      for (let round = 0; round < 2; round++) {
        for (const name of LOADS) {
          const result = await loadFor(name, duration);
          log(
            `  ${name} round ${round + 1}: p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, ${result.rps.toFixed(0)} req/s, ` +
              `errors ${result.errors + result.graphqlErrors}, other processes' CPU ${result.foreignCpu.toFixed(2)} cores`,
          );
          load[name]!.push(result);
        }
      }
      if (used > distinct.length) log(`  note: ${used} searches sent, more than the ${distinct.length} different ones; some repeated`);
    } finally {
      child.send('stop');
    }
    const best = (results: Awaited<ReturnType<typeof httpLoad>>[]) => results.reduce((a, b) => (a.p95 <= b.p95 ? a : b));
    return {
      papers,
      texts: report.embedded,
      importSeconds,
      embedSeconds,
      textsPerSecond: report.embedded / embedSeconds,
      modelSeconds: report.embedSeconds ?? Number.NaN,
      writeSeconds: report.writeSeconds ?? Number.NaN,
      segments,
      lexical: best(load.LEXICAL!),
      hybrid: best(load.HYBRID!),
      lexicalRepeated: best(load['LEXICAL, repeated']!),
      hybridRepeated: best(load['HYBRID, repeated']!),
    };
  } finally {
    await db.close();
    await stopLocalNeo4j(neo4jOptions);
  }
}

async function main() {
  const models =
    process.env.BENCH_SEMANTIC_MODELS === '0' ? { rows: [], lengths: { title: 0, paper: 0, talk: 0, abstract: 0 } } : await modelFigures();
  const scaleRows = [];
  for (const papers of scales) scaleRows.push(await scaleFigures(papers));
  const stamp = `${new Date().toISOString().slice(0, 16).replace(/:/g, '').replace('T', '-')}Z`;
  mkdirSync(path.join(projectRoot, 'bench/results'), { recursive: true });
  writeFileSync(path.join(projectRoot, `bench/results/semantic-${stamp}.json`), JSON.stringify({ models, scales: scaleRows }, null, 2));
  const f0 = (x: number) => x.toFixed(0);
  const f1 = (x: number) => x.toFixed(1);
  const l = models.lengths;
  const cell = (t: Awaited<ReturnType<typeof throughput>>) => `${f0(t.perSecond)} (${f0(t.cpuMsPerText)} ms CPU, load ${f1(t.load)})`;
  const lines = [
    `Texts per second (CPU ms per text, 1-min load average), each text its own model run, 2 threads (mean lengths: paper title ${l.title}, paper ${l.paper}, talk ${l.talk}, abstract ${l.abstract} characters); query embedding one at a time.`,
    '',
    '| model | titles/s | papers/s | talks/s | abstracts/s | query p50 ms | query p95 ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...models.rows.map(
      (r) =>
        `| ${r.model} | ${cell(r.titles)} | ${cell(r.papers)} | ${cell(r.talks)} | ${cell(r.abstracts)} | ${f1(r.query.p50)} | ${f1(r.query.p95)} |`,
    ),
    '',
    'Wall ms per text by stage (tokens per text): tokenise / model / pool and normalise.',
    '',
    '| model | titles | papers | talks | abstracts |',
    '| --- | --- | --- | --- | --- |',
    ...models.rows.map((r) => {
      const stages = (t: Awaited<ReturnType<typeof throughput>>) =>
        `${t.stages.tokenizeMs.toFixed(2)} / ${f1(t.stages.modelMs)} / ${t.stages.poolMs.toFixed(3)} (${f0(t.tokens)})`;
      return `| ${r.model} | ${stages(r.titles)} | ${stages(r.papers)} | ${stages(r.talks)} | ${stages(r.abstracts)} |`;
    }),
  ];
  if (scaleRows.length) {
    lines.push(
      '',
      'Search load: every LEXICAL and HYBRID search a new query; the "repeated" loads go round 50 searches, whose query vectors HYBRID then has cached.',
      '',
      '| papers | texts embedded | embedding s (texts/s) | of which model / Neo4j writes s | vector index segments | search LEXICAL p50 / p95 ms (req/s) | search HYBRID p50 / p95 ms (req/s) | HYBRID p95 / LEXICAL p95 | repeated: LEXICAL p50 / p95 ms (req/s) | repeated: HYBRID p50 / p95 ms (req/s) | repeated: HYBRID p95 / LEXICAL p95 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...scaleRows.map((s) => {
        const cells = (r: Awaited<ReturnType<typeof httpLoad>>) => `${f0(r.p50)} / ${f0(r.p95)} (${f0(r.rps)})`;
        return `| ${s.papers} | ${s.texts} | ${f0(s.embedSeconds)} (${f0(s.textsPerSecond)}) | ${f0(s.modelSeconds)} / ${f1(s.writeSeconds)} | ${s.segments} | ${cells(s.lexical)} | ${cells(s.hybrid)} | ${(s.hybrid.p95 / s.lexical.p95).toFixed(2)} | ${cells(s.lexicalRepeated)} | ${cells(s.hybridRepeated)} | ${(s.hybridRepeated.p95 / s.lexicalRepeated.p95).toFixed(2)} |`;
      }),
    );
  }
  console.log(lines.join('\n'));
}

await main();
