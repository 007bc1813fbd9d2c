/**
 * `npm run bench`: benchmarks at scale, side by side with the Neo4j GraphQL Library.
 *
 * For each scale (BENCH_SCALES, default 1000,10000,100000 papers), in its own bench Neo4j
 * (.neo4j/bench, port 7691): empty the database, generate a synthetic pack and import it through
 * readPack + loadPack (import.ts, in a child process), then
 *   1. run every query once in-process (yoga.fetch): check the answers, compare ours with
 *      @neo4j/graphql's, count Cypher round trips, and PROFILE the statements of the slowest input;
 *   2. serve ours (4101) and @neo4j/graphql (4102) from child processes and load them with
 *      autocannon at concurrency 1, 10 and 50, alternating ours/theirs on the shared queries;
 *   3. run each query's floor (one Cypher statement through the driver) at the same concurrencies,
 *      and any pending rewrite of bench/proposals/ against it.
 * Every request is cut at REQUEST_LIMIT_S (watchdog.ts). Then append a dated section to bench/RESULTS.md, and write bench/results/<stamp>.json and the
 * scaling chart (bench/results/<stamp>.svg, copied to bench/scaling.svg).
 *
 * Environment: BENCH_SCALES, BENCH_DURATION (seconds per HTTP load test, default 8),
 * BENCH_FLOOR_DURATION (seconds per Cypher load test, default 5), BENCH_CONCURRENCY (default 1,10,50).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createYoga } from 'graphql-yoga';
import { loadConfig } from '../src/config.js';
import { toParams, toPlain } from '../src/db/values.js';
import { schema as ourSchema } from '../src/schema/index.js';
import { withoutSourceMaps } from '../src/server/stack-traces.js';
import { createApi } from '../src/server/yoga.js';
import type { ImportResult } from './import.js';
import { type CypherRequest, cypherLoad, type GraphQLBody, httpLoad, type LoadResult } from './load.js';
import { benchDatabase, benchDriver, benchNeo4j, emptyDatabase, projectRoot, startBenchNeo4j, stopBenchNeo4j } from './neo4j.js';
import { neo4jGraphQLSchema } from './neo4j-graphql.js';
import { captureStatements, type ProfileSummary, profileCaptured, profileStatement } from './profile.js';
import { type BenchQuery, fixedQueries, graphQuery } from './queries.js';
import { appendReport, type BenchRun, type QueryAtScale, type ScaleResult } from './report.js';
import { startWatchdog, type Watchdog } from './watchdog.js';

const OURS_PORT = 4101;
const THEIRS_PORT = 4102;
/** Inputs per query run in-process (answers, round trips, plans). */
const CHECKED_INPUTS = 10;
/** Every request is cut after this long: by autocannon, by the driver's transaction timeout, by the watchdog. */
const REQUEST_LIMIT_S = 10;
const PROFILE_LIMIT_S = 60;

const numbers = (value: string | undefined, fallback: number[]) =>
  value
    ? value
        .split(',')
        .map((v) => Number(v.trim()))
        .filter((n) => Number.isInteger(n) && n > 0)
    : fallback;
const scales = numbers(process.env.BENCH_SCALES, [1000, 10000, 100000]);
const concurrencies = numbers(process.env.BENCH_CONCURRENCY, [1, 10, 50]);
const duration = Number(process.env.BENCH_DURATION ?? 8);
const floorDuration = Number(process.env.BENCH_FLOOR_DURATION ?? 5);

const log = (line: string) => console.error(line);
const serverLog = path.join(projectRoot, 'bench/.data/servers.log');
const children = new Set<ChildProcess>();
/** True once this run started the bench Neo4j: only then does it stop it. */
let startedNeo4j = false;

async function main() {
  // The floors run in this process: measured as the servers run, without source-mapped stack traces.
  withoutSourceMaps();
  const startedAt = new Date();
  for (const port of [OURS_PORT, THEIRS_PORT]) await assertPortFree(port);
  const driver = benchDriver(100);
  const db = benchDatabase();
  const results: ScaleResult[] = [];
  try {
    log(`Bench Neo4j on port ${benchNeo4j.port} (${benchNeo4j.dir}) ...`);
    startedNeo4j = await startBenchNeo4j(log);
    const neo4jPid = () => Number(readFileSync(path.join(projectRoot, benchNeo4j.dir, 'neo4j.pid'), 'utf8').trim());

    // Not reported: warms the JVM and the query caches so the first scale's import is not a cold start.
    log('Warm-up import (200 papers, not reported) ...');
    await emptyDatabase(driver, db);
    await runImport(200);

    for (const papers of scales) {
      log(`\n== ${papers} papers ==`);
      await emptyDatabase(driver, db);
      const imported = await runImport(papers);
      results.push(await benchScale(papers, imported, driver, db, neo4jPid));
      // Partial results survive a failure at a later scale.
      writeFileSync(path.join(projectRoot, 'bench/.data/partial.json'), JSON.stringify(results, null, 2));
    }

    const run: BenchRun = {
      startedAt: startedAt.toISOString(),
      minutes: (Date.now() - startedAt.getTime()) / 60000,
      machine: machine(),
      settings: {
        scales,
        concurrencies,
        duration,
        floorDuration,
        requestLimitSeconds: REQUEST_LIMIT_S,
        neo4j: { heap: benchNeo4j.heap, pageCacheMiB: benchNeo4j.pageCacheMiB },
      },
      scales: results,
    };
    const written = appendReport(run);
    log(`\nDone in ${run.minutes.toFixed(1)} min. Wrote ${written.map((f) => path.relative(projectRoot, f)).join(', ')}`);
  } finally {
    await stopChildren();
    await driver.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    if (startedNeo4j) {
      log('Stopping the bench Neo4j ...');
      await stopBenchNeo4j();
    }
  }
}

async function benchScale(
  papers: number,
  imported: ImportResult,
  driver: ReturnType<typeof benchDriver>,
  db: ReturnType<typeof benchDatabase>,
  neo4jPid: () => number,
): Promise<ScaleResult> {
  const graph = await graphQuery(ourSchema);
  const queries = graph.query ? [...fixedQueries, graph.query] : fixedQueries;
  log(`  graph: ${graph.note}`);
  for (const query of queries) await query.prepare?.(driver, query.inputs(imported.samples));
  const watchdog = startWatchdog(driver, { ms: REQUEST_LIMIT_S * 1000, profileMs: PROFILE_LIMIT_S * 1000 });
  try {
    const perQuery = await checkInProcess(queries, imported, driver, db);
    await loadOverHttp(queries, perQuery, imported, watchdog, neo4jPid);
    await loadFloors(queries, perQuery, imported, driver, watchdog, neo4jPid);
    log(`  the watchdog cut ${watchdog.terminated} statements at ${REQUEST_LIMIT_S} s (or ended them after a load test)`);
    return {
      papers,
      import: { ...imported, samples: undefined },
      graphNote: graph.note,
      terminated: watchdog.terminated,
      queries: perQuery,
    };
  } finally {
    await watchdog.stop();
  }
}

/**
 * Runs each query for its first inputs in-process (yoga.fetch, no port): checks the answers,
 * compares ours with @neo4j/graphql's, counts round trips, and PROFILEs the statements our server
 * sent for the slowest input that completed (and the floor for the same input).
 */
async function checkInProcess(
  queries: BenchQuery[],
  imported: ImportResult,
  driver: ReturnType<typeof benchDriver>,
  db: ReturnType<typeof benchDatabase>,
) {
  const ours = createApi({ db, config: loadConfig({ NODE_ENV: 'production' }) });
  const theirs = createYoga({
    schema: await neo4jGraphQLSchema(driver),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    maskedErrors: true,
  });
  const perQuery: QueryAtScale[] = [];
  for (const query of queries) {
    const checked = query.inputs(imported.samples).slice(0, CHECKED_INPUTS);
    const trips: number[] = [];
    const problems: string[] = [];
    let failed = 0;
    let slowest = { ms: -1, input: checked[0] as unknown, statements: [] as { name: string; params: Record<string, unknown> }[] };
    for (const input of checked) {
      const before = db.roundTrips;
      const t = performance.now();
      const { result, statements } = await captureStatements(db, () => fetchGraphQL(ours, query.ours(input)));
      const ms = performance.now() - t;
      trips.push(db.roundTrips - before);
      if (result.errors) failed += 1;
      else if (ms > slowest.ms) slowest = { ms, input, statements };
      if (query.theirs) {
        const other = await fetchGraphQL(theirs, query.theirs(input));
        if (other.errors)
          problems.push(`@neo4j/graphql failed for ${JSON.stringify(input)}: ${JSON.stringify(other.errors).slice(0, 160)}`);
        else if (!result.errors && query.compare) {
          const difference = query.compare(result.data, other.data);
          if (difference) problems.push(`answers differ for ${JSON.stringify(input)}: ${difference}`);
        }
      }
    }
    if (failed > 0)
      problems.unshift(`ours failed for ${failed} of ${checked.length} inputs (statements cut at ${REQUEST_LIMIT_S} s, or errors)`);
    const plans: ProfileSummary[] = slowest.ms >= 0 ? await profileCaptured(driver, slowest.statements).catch(() => []) : [];
    const floorPlan =
      query.floor && slowest.ms >= 0 ? await profileStatement(driver, 'floor', query.floor.request(slowest.input)).catch(() => null) : null;
    log(
      `  ${query.name}: ${Math.min(...trips)}-${Math.max(...trips)} round trips; slowest completed input ${JSON.stringify(slowest.input)} ` +
        `${slowest.ms.toFixed(0)} ms${problems.length ? `; ${problems.length} problem(s): ${problems[0]}` : ''}`,
    );
    perQuery.push({
      name: query.name,
      what: query.what,
      shared: query.theirs !== undefined,
      floorKind: query.floor?.kind ?? null,
      roundTrips: { min: Math.min(...trips), max: Math.max(...trips), floor: query.floor ? 1 : null },
      failedInputs: failed,
      checkedInputs: checked.length,
      problems,
      slowest: { input: slowest.input, ms: slowest.ms, plans, floorPlan },
      ours: [],
      theirs: [],
      floor: [],
      proposal: null,
    });
  }
  return perQuery;
}

/** Ours (4101) and @neo4j/graphql (4102) from child processes, loaded by autocannon. */
async function loadOverHttp(
  queries: BenchQuery[],
  perQuery: QueryAtScale[],
  imported: ImportResult,
  watchdog: Watchdog,
  neo4jPid: () => number,
) {
  const oursServer = await startServer('ours', OURS_PORT);
  const theirsServer = await startServer('theirs', THEIRS_PORT);
  try {
    const load = async (server: ChildProcess, port: number, bodies: GraphQLBody[], connections: number, seconds: number) => {
      const result = await httpLoad({
        url: `http://127.0.0.1:${port}/graphql`,
        bodies,
        connections,
        seconds,
        // Later than the watchdog, so that a cut statement comes back as an error answer with its time.
        timeoutSeconds: REQUEST_LIMIT_S + 5,
        ourPids: () => [process.pid, neo4jPid(), server.pid ?? 0],
      });
      // What is still running in Neo4j for requests autocannon has given up on must not load the next test.
      await watchdog.sweep();
      return result;
    };
    for (const [qi, query] of queries.entries()) {
      const entry = perQuery.find((q) => q.name === query.name)!;
      const inputs = query.inputs(imported.samples);
      const oursBodies = inputs.map((i) => query.ours(i));
      const theirsBodies = query.theirs ? inputs.map((i) => query.theirs!(i)) : null;
      // Warm-up, not recorded: plans compiled, caches filled, JIT warm, for both servers.
      await load(oursServer, OURS_PORT, oursBodies, 10, 2);
      if (theirsBodies) await load(theirsServer, THEIRS_PORT, theirsBodies, 10, 2);
      for (const [ci, connections] of concurrencies.entries()) {
        const runOurs = async () => entry.ours.push(await load(oursServer, OURS_PORT, oursBodies, connections, duration));
        const runTheirs = async () => {
          if (theirsBodies) entry.theirs.push(await load(theirsServer, THEIRS_PORT, theirsBodies, connections, duration));
        };
        // Alternate which goes first, so neither always inherits the other's after-effects.
        if ((qi + ci) % 2 === 0) {
          await runOurs();
          await runTheirs();
        } else {
          await runTheirs();
          await runOurs();
        }
        const theirs = theirsBodies ? ` | theirs ${describe(entry.theirs.at(-1)!)}` : '';
        log(`  ${query.name} c=${connections}: ours ${describe(entry.ours.at(-1)!)}${theirs}`);
      }
    }
  } finally {
    await stopChildren();
  }
}

/** The floors, and the proposed rewrites, through the driver from this process. */
async function loadFloors(
  queries: BenchQuery[],
  perQuery: QueryAtScale[],
  imported: ImportResult,
  driver: ReturnType<typeof benchDriver>,
  watchdog: Watchdog,
  neo4jPid: () => number,
) {
  const load = async (requests: CypherRequest[], connections: number, seconds: number) => {
    const result = await cypherLoad({
      driver,
      requests,
      connections,
      seconds,
      timeoutSeconds: REQUEST_LIMIT_S,
      ourPids: () => [process.pid, neo4jPid()],
    });
    await watchdog.sweep();
    return result;
  };
  for (const query of queries) {
    const entry = perQuery.find((q) => q.name === query.name)!;
    const inputs = query.inputs(imported.samples);
    if (query.floor) {
      const requests = inputs.map((i) => query.floor!.request(i));
      await load(requests, 10, 1);
      for (const connections of concurrencies) {
        entry.floor.push(await load(requests, connections, floorDuration));
        log(`  ${query.name} floor c=${connections}: ${describe(entry.floor.at(-1)!)}`);
      }
    }
    if (query.proposal && query.floor) {
      const requests = inputs.map((i) => query.proposal!.request(i));
      const same = await sameAnswers(
        driver,
        inputs.slice(0, CHECKED_INPUTS).map((i) => [query.floor!.request(i), query.proposal!.request(i)]),
      );
      await load(requests, 10, 1);
      const c1 = await load(requests, 1, floorDuration);
      const c10 = await load(requests, 10, floorDuration);
      entry.proposal = { file: query.proposal.file, ...same, c1, c10 };
      log(
        `  ${query.name} proposal: c=1 ${describe(c1)}; c=10 ${describe(c10)}; same answers for ${same.same} of ${same.compared} inputs (${same.unanswered} unanswered by the current statement)`,
      );
    }
  }
}

/** Runs each pair (current statement, proposal) and compares their rows. */
async function sameAnswers(driver: ReturnType<typeof benchDriver>, pairs: [CypherRequest, CypherRequest][]) {
  let same = 0;
  let unanswered = 0;
  const run = async (r: CypherRequest) => {
    const { records } = await driver.executeQuery(r.text, toParams(r.params) as Record<string, unknown>, {
      database: 'neo4j',
      routing: 'READ',
      transactionConfig: { timeout: REQUEST_LIMIT_S * 1000 },
    });
    return JSON.stringify(
      records.map((record) => toPlain(record.toObject())),
      (_k, v) => (typeof v === 'number' ? Number(v.toFixed(6)) : v),
    );
  };
  for (const [current, proposed] of pairs) {
    const a = await run(current).catch(() => null);
    if (a === null) {
      unanswered += 1;
      continue;
    }
    const b = await run(proposed).catch(() => 'failed');
    if (a === b) same += 1;
  }
  return { compared: pairs.length, same, unanswered };
}

function describe(r: LoadResult) {
  const errors = r.errors + r.non2xx + r.graphqlErrors;
  return `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms${errors ? `, ${errors} errors` : ''}`;
}

async function fetchGraphQL(yoga: { fetch: (url: string, init: RequestInit) => Promise<Response> | Response }, body: GraphQLBody) {
  const response = await yoga.fetch('http://127.0.0.1/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/** Runs import.ts in a child with a large heap (the YAML of 100k papers needs several GB). */
function runImport(papers: number): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(projectRoot, 'bench/import.ts'), [String(papers)], {
      execArgv: [...process.execArgv, '--max-old-space-size=12288'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(child);
    let result: ImportResult | undefined;
    child.on('message', (message) => (result = message as ImportResult));
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (result && code === 0) resolve(result);
      else reject(new Error(`the import of ${papers} papers failed (exit code ${code})`));
    });
  });
}

/** Starts serve.ts in a child process; resolves once it listens. */
function startServer(which: 'ours' | 'theirs', port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // The servers log every statement the watchdog cuts; their output goes to a file, not the console.
    const output = openSync(serverLog, 'a');
    const child = fork(path.join(projectRoot, 'bench/serve.ts'), [which, String(port)], { stdio: ['ignore', output, output, 'ipc'] });
    closeSync(output);
    children.add(child);
    const timer = setTimeout(() => reject(new Error(`the ${which} server did not start within 60 s`)), 60_000);
    child.on('message', (message) => {
      if ((message as { ready?: number }).ready === port) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`the ${which} server exited (code ${code})`));
    });
  });
}

/** Asks every child to stop, and kills (by its pid) any still running after 10 s. */
async function stopChildren() {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            if (child.pid) process.kill(child.pid, 'SIGKILL');
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          if (child.connected) child.send('stop');
          else child.kill('SIGTERM');
        }),
    ),
  );
  children.clear();
}

function assertPortFree(port: number) {
  return new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(new Error(`port ${port} is in use; the bench servers need 127.0.0.1:${OURS_PORT} and ${THEIRS_PORT}`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg()[0]!,
  };
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`\n${signal}: stopping the servers and the bench Neo4j ...`);
    void stopChildren()
      .then(() => (startedNeo4j ? stopBenchNeo4j() : false))
      .finally(() => process.exit(130));
  });
}

mkdirSync(path.join(projectRoot, 'bench/.data'), { recursive: true });
main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
