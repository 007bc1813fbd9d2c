/**
 * A long soak: mixed traffic against the server for SOAK_MINUTES (default 10) at SOAK_CONCURRENCY
 * (default 20) requests in flight, then checks that nothing was lost and nothing grew.
 *
 *   npm run bench:soak                          # starts its own Neo4j and server in a temp folder
 *   SOAK_URL=http://127.0.0.1:4000/graphql SOAK_TOKEN=... NEO4J_URI=... npm run bench:soak
 *
 * Traffic: 80% reads spread over the root query fields, 20% curator writes on nodes the soak
 * creates under its own prefix (concepts, papers, people, aliases, concept links, references),
 * of which one in twenty is meant to collide (an alias that another soak concept already has as
 * its name) and must answer CONFLICT. Afterwards every acknowledged write is read back from Neo4j.
 *
 * Every 10 s it samples the server's RSS (/proc, when it started the server or SOAK_PID names it),
 * Neo4j's heap in use and its old generation after the last collection (JMX through
 * dbms.queryJmx), and the load average; it prints the curve, p95 per minute, error counts and a
 * verdict, and exits 1 when an unexpected error occurred or an acknowledged write is missing.
 * The soak's nodes are removed at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { projectRoot } from './neo4j.js';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 20);
const sampleEveryMs = 10_000;
const prefix = `soak-${randomBytes(3).toString('hex')}`;

interface Target {
  url: string;
  token: string;
  serverPid: number | null;
  neo4j: { uri: string; user: string; password: string };
  stop: () => Promise<void>;
}

/** Starts `node src/main.ts` (what `npm start` runs) on a managed Neo4j in a temp folder. */
async function startOwnServer(): Promise<Target> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-soak-'));
  const port = Number(process.env.SOAK_PORT ?? 4121);
  const neo4jPort = Number(process.env.SOAK_NEO4J_PORT ?? 7694);
  const token = `soak-curator-${randomBytes(12).toString('hex')}`;
  const password = 'soak-password';
  const { NEO4J_URI: _unused, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_PASSWORD: password,
      NEO4J_LOCAL_DIR: dir,
      NEO4J_LOCAL_PORT: String(neo4jPort),
      NEO4J_LOCAL_HEAP: process.env.SOAK_NEO4J_HEAP ?? '1g',
      NEO4J_LOCAL_PAGECACHE_MB: '256',
      CURATOR_TOKENS: `soak:${token}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${output}`);
    const ready = await fetch(url.replace('/graphql', '/ready')).then(
      (r) => r.status,
      () => 0,
    );
    if (ready === 200) break;
    if (Date.now() > deadline) throw new Error(`the server was not ready within 10 minutes:\n${output}`);
    await sleep(1000);
  }
  return {
    url,
    token,
    serverPid: child.pid ?? null,
    neo4j: { uri: `bolt://127.0.0.1:${neo4jPort}`, user: 'neo4j', password },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // the server stops the Neo4j it started
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function runningServer(): Target {
  if (!process.env.SOAK_TOKEN) throw new Error('SOAK_URL needs SOAK_TOKEN, a curator token the server accepts');
  return {
    url: process.env.SOAK_URL!,
    token: process.env.SOAK_TOKEN,
    serverPid: process.env.SOAK_PID ? Number(process.env.SOAK_PID) : null,
    neo4j: {
      uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? 'knowledge-graph',
    },
    stop: async () => {},
  };
}

// --- the traffic -------------------------------------------------------------------------

interface Samples {
  talks: string[];
  papers: string[];
  concepts: string[];
  people: string[];
  words: string[];
  /** Global ids of talks and papers, for nodes(ids). */
  globalIds: string[];
}

interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  write: boolean;
  /** A write meant to collide: CONFLICT is its right answer. */
  expectConflict?: boolean;
  /** What must be in the graph once the write is acknowledged. */
  expect?: Expectation;
}

type Expectation =
  | { kind: 'concept'; id: string; name: string; definition: string }
  | { kind: 'paper'; id: string; title: string }
  | { kind: 'person'; id: string; name: string }
  | { kind: 'alias'; concept: string; alias: string }
  | { kind: 'link'; work: string; concept: string }
  | { kind: 'reference'; from: string; to: string; type: string };

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

const reads: ((s: Samples) => Omit<Operation, 'write'>)[] = [
  (s) => ({
    name: 'search',
    query: 'query($q: String!) { search(query: $q, first: 10) { edges { node { __typename } } } }',
    variables: { q: pick(s.words) },
  }),
  (s) => ({
    name: 'talk',
    query: 'query($id: ID!) { talk(id: $id) { title concepts { name } people { name } } }',
    variables: { id: pick(s.talks) },
  }),
  (s) => ({
    name: 'talks',
    query: 'query($c: String) { talks(concept: $c, first: 20) { totalCount edges { node { title } } } }',
    variables: { c: pick(s.concepts) },
  }),
  (s) => ({
    name: 'paper',
    query: 'query($id: ID!) { paper(id: $id) { title year concepts { name } } }',
    variables: { id: pick(s.papers) },
  }),
  (s) => ({
    name: 'papers',
    query: 'query($c: String) { papers(concept: $c, first: 20) { edges { node { title } } } }',
    variables: { c: pick(s.concepts) },
  }),
  (s) => ({
    name: 'concept',
    query: 'query($n: String!) { concept(name: $n) { name aliases works(first: 10) { edges { node { title } } } } }',
    variables: { n: pick(s.concepts) },
  }),
  () => ({ name: 'concepts', query: '{ concepts(first: 50) { edges { node { name } } } }', variables: {} }),
  (s) => ({ name: 'person', query: 'query($n: String!) { person(name: $n) { name } }', variables: { n: pick(s.people) } }),
  () => ({ name: 'people', query: '{ people(first: 50) { edges { node { name } } } }', variables: {} }),
  (s) => ({
    name: 'relatedWork',
    query: 'query($id: ID!) { relatedWork(to: [$id], first: 10) { score } }',
    variables: { id: pick([...s.talks, ...s.papers]) },
  }),
  (s) => ({
    name: 'relatedToConcept',
    query: 'query($c: String!) { relatedToConcept(concept: $c, first: 10) { score } }',
    variables: { c: pick(s.concepts) },
  }),
  (s) => ({
    name: 'resolveConcept',
    query: 'query($t: String!) { resolveConcept(text: $t) { resolved } }',
    variables: { t: pick(s.concepts).toLowerCase() },
  }),
  (s) => ({ name: 'followUpReads', query: 'query($id: ID!) { followUpReads(from: $id) { depth } }', variables: { id: pick(s.talks) } }),
  (s) => ({
    name: 'paths',
    query: 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, first: 3) { paths { length } } }',
    variables: { a: pick(s.talks), b: pick(s.papers) },
  }),
  (s) => ({
    name: 'graph',
    query: 'query($id: ID!) { graph(center: [$id], depth: 2, limit: 200) { nodes { id } edges { type } } }',
    variables: { id: pick(s.talks) },
  }),
  () => ({ name: 'schedule', query: '{ schedule { number sessions { title } talks { title } } }', variables: {} }),
  () => ({ name: 'events', query: '{ events { name days { number } } }', variables: {} }),
  (s) => ({
    name: 'nodes',
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: { ids: [pick(s.globalIds), pick(s.globalIds)] },
  }),
];

/** What the soak has created so far, to aim later writes at. */
const created = { concepts: [] as { id: string; name: string }[], papers: [] as string[] };

function remember(expectation: Expectation, acknowledged: Expectation[]) {
  acknowledged.push(expectation);
  if (expectation.kind === 'concept') created.concepts.push({ id: expectation.id, name: expectation.name });
  if (expectation.kind === 'paper') created.papers.push(expectation.id);
}
let counter = 0;
const source = (n: number) => ({ quote: `soak write ${n}`, url: `https://example.org/soak/${prefix}/${n}` });

function write(s: Samples, only?: 'concept' | 'paper'): Omit<Operation, 'write'> {
  const n = ++counter;
  const roll = only === 'concept' ? 0 : only === 'paper' ? 0.2 : Math.random();
  if (roll < 0.15) {
    const id = `${prefix}-concept-${n}`;
    const name = `${prefix} concept ${n}`;
    const definition = `A concept the soak made (${n}).`;
    return {
      name: 'upsertConcept',
      query:
        'mutation($id: String, $name: String!, $d: String, $s: SourceInput) { upsertConcept(id: $id, name: $name, definition: $d, source: $s) { id } }',
      variables: { id, name, d: definition, s: source(n) },
      expect: { kind: 'concept', id, name, definition },
    };
  }
  if (roll < 0.3) {
    const id = `${prefix}-paper-${n}`;
    const title = `Soak paper ${prefix} number ${n}`;
    return {
      name: 'upsertPaper',
      query: 'mutation($id: String, $t: String!, $s: SourceInput) { upsertPaper(id: $id, title: $t, year: 2017, source: $s) { id } }',
      variables: { id, t: title, s: source(n) },
      expect: { kind: 'paper', id, title },
    };
  }
  if (roll < 0.4) {
    const id = `${prefix}-person-${n}`;
    const name = `Soak Person ${prefix} ${n}`;
    return {
      name: 'upsertPerson',
      query: 'mutation($id: String, $name: String!) { upsertPerson(id: $id, name: $name) { id } }',
      variables: { id, name },
      expect: { kind: 'person', id, name },
    };
  }
  if (roll < 0.6) {
    const concept = pick(created.concepts);
    const alias = `${prefix} alias ${n}`;
    return {
      name: 'addConceptAlias',
      query: 'mutation($c: ID!, $a: String!) { addConceptAlias(concept: $c, alias: $a) { id } }',
      variables: { c: concept.id, a: alias },
      expect: { kind: 'alias', concept: concept.id, alias },
    };
  }
  if (roll < 0.65) {
    // Another soak concept's name as an alias: refused with CONFLICT.
    const [a, b] = [pick(created.concepts), pick(created.concepts)];
    if (a.id !== b.id) {
      return {
        name: 'addConceptAlias (taken)',
        query: 'mutation($c: ID!, $a: String!) { addConceptAlias(concept: $c, alias: $a) { id } }',
        variables: { c: a.id, a: b.name },
        expectConflict: true,
      };
    }
  }
  if (roll < 0.85) {
    const work = pick(created.papers);
    const concept = Math.random() < 0.5 ? pick(created.concepts).id : pick(s.concepts);
    return {
      name: 'linkWorkToConcept',
      query: 'mutation($w: ID!, $c: ID!, $s: SourceInput!) { linkWorkToConcept(work: $w, concept: $c, source: $s) { id } }',
      variables: { w: work, c: concept, s: source(n) },
      expect: { kind: 'link', work, concept },
    };
  }
  const from = pick(created.papers);
  const to = Math.random() < 0.5 ? pick(created.papers) : pick(s.papers);
  const type = pick(['CITES', 'RELATED', 'BUILDS_ON']);
  return {
    name: 'addReference',
    query:
      'mutation($f: ID!, $t: ID!, $type: ReferenceType!, $s: SourceInput!) { addReference(from: $f, to: $t, type: $type, source: $s) { id } }',
    variables: { f: from, t: to, type, s: source(n) },
    expect: { kind: 'reference', from, to, type },
  };
}

interface Outcome {
  at: number;
  ms: number;
  name: string;
  write: boolean;
  /** null: answered without errors; else the error code (HTTP_<status>, NETWORK, or extensions.code). */
  error: string | null;
  expectedConflict: boolean;
  body: unknown;
}

async function send(target: Target, op: Operation): Promise<Outcome> {
  const started = performance.now();
  let error: string | null = null;
  let body: unknown = null;
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(op.write ? { authorization: `Bearer ${target.token}` } : {}) },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
    });
    const answer = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    body = answer;
    if (answer.errors?.length) error = answer.errors[0]!.extensions?.code ?? `UNCODED: ${answer.errors[0]!.message}`;
    else if (!response.ok) error = `HTTP_${response.status}`;
  } catch (e) {
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    error = `NETWORK: ${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`;
  }
  const ms = performance.now() - started;
  return { at: Date.now(), ms, name: op.name, write: op.write, error, expectedConflict: !!op.expectConflict && error === 'CONFLICT', body };
}

// --- sampling ------------------------------------------------------------------------------

interface Sample {
  second: number;
  rssMiB: number | null;
  heapUsedMiB: number | null;
  oldGenAfterGcMiB: number | null;
  requests: number;
  load1: number;
}

function rssMiB(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Math.round(Number(kib) / 1024) : null;
  } catch {
    return null;
  }
}

async function neo4jHeap(driver: Driver): Promise<{ used: number | null; oldGen: number | null }> {
  const mib = (bytes: unknown) => (bytes === null || bytes === undefined ? null : Math.round(Number(bytes) / 1048576));
  try {
    const { records } = await driver.executeQuery(
      `CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
       WITH attributes.HeapMemoryUsage.value.properties.used AS used
       OPTIONAL CALL dbms.queryJmx('java.lang:type=MemoryPool,name=G1 Old Gen') YIELD attributes
       RETURN used, attributes.CollectionUsage.value.properties.used AS oldGen`,
    );
    return { used: mib(records[0]?.get('used')), oldGen: mib(records[0]?.get('oldGen')) };
  } catch {
    return { used: null, oldGen: null };
  }
}

// --- checks --------------------------------------------------------------------------------

async function missingWrites(driver: Driver, acknowledged: Expectation[]): Promise<Expectation[]> {
  const of = <K extends Expectation['kind']>(kind: K) =>
    acknowledged.filter((e): e is Extract<Expectation, { kind: K }> => e.kind === kind);
  const found = async (statement: string, rows: unknown[]) =>
    (await driver.executeQuery(statement, { rows })).records.map((r) => r.get('ok') as boolean);
  const checks: [Expectation[], string][] = [
    [of('concept'), 'UNWIND $rows AS x OPTIONAL MATCH (c:Concept {id: x.id}) RETURN c.name = x.name AND c.definition = x.definition AS ok'],
    [of('paper'), 'UNWIND $rows AS x OPTIONAL MATCH (p:Paper {id: x.id}) RETURN p.title = x.title AS ok'],
    [of('person'), 'UNWIND $rows AS x OPTIONAL MATCH (p:Person {id: x.id}) RETURN p.name = x.name AS ok'],
    [of('alias'), 'UNWIND $rows AS x OPTIONAL MATCH (c:Concept {id: x.concept}) RETURN x.alias IN c.aliases AS ok'],
    [
      of('link'),
      'UNWIND $rows AS x RETURN EXISTS { MATCH (:Work {id: x.work})-[:DISCUSSES]->(c:Concept) WHERE c.id = x.concept OR c.name = x.concept } AS ok',
    ],
    [
      of('reference'),
      'UNWIND $rows AS x RETURN EXISTS { MATCH (:Work {id: x.from})-[r]->(:Work {id: x.to}) WHERE type(r) = x.type } AS ok',
    ],
  ];
  const missing: Expectation[] = [];
  for (const [rows, statement] of checks) {
    const ok = await found(statement, rows);
    rows.forEach((row, i) => {
      if (ok[i] !== true) missing.push(row);
    });
  }
  return missing;
}

// --- the run -------------------------------------------------------------------------------

const p95 = (values: number[]) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (value: number | null) => (value === null ? '–' : String(value));

/** Least-squares slope of y over minutes, for the samples after the first minute. */
function slopePerMinute(samples: Sample[], value: (s: Sample) => number | null): number | null {
  const points = samples.filter((s) => s.second >= 60 && value(s) !== null).map((s) => [s.second / 60, value(s)!] as const);
  if (points.length < 3) return null;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const num = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const den = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return num / den;
}

async function main() {
  const target = process.env.SOAK_URL ? runningServer() : await startOwnServer();
  const driver = neo4j.driver(target.neo4j.uri, neo4j.auth.basic(target.neo4j.user, target.neo4j.password));
  let failed = false;
  try {
    const list = async (statement: string) => (await driver.executeQuery(statement)).records.map((r) => r.get(0) as string);
    const samples: Samples = {
      talks: await list('MATCH (t:Talk) RETURN t.id'),
      papers: await list('MATCH (p:Paper) WHERE NOT p.id STARTS WITH "soak-" RETURN p.id'),
      concepts: await list('MATCH (c:Concept) WHERE NOT c.id STARTS WITH "soak-" RETURN c.name'),
      people: await list('MATCH (p:Person) WHERE NOT p.id STARTS WITH "soak-" RETURN p.name'),
      globalIds: [],
      words: ['wasserstein', 'adversarial', 'reinforcement learning', 'attention', 'bayesian', 'gradient', 'kernel', 'wgan', 'ewc'],
    };
    samples.words.push(...samples.concepts.slice(0, 30));
    const ids = (await send(target, { name: 'ids', query: '{ talks(first: 100) { edges { node { id } } } }', variables: {}, write: false }))
      .body;
    samples.globalIds = (ids as { data: { talks: { edges: { node: { id: string } }[] } } }).data.talks.edges.map((e) => e.node.id);
    // The first concepts and papers the writes aim at, made before the clock starts.
    const acknowledged: Expectation[] = [];
    for (let i = 0; i < 5; i++) {
      for (const kind of ['concept', 'paper'] as const) {
        const op: Operation = { ...write(samples, kind), write: true };
        if ((await send(target, op)).error === null) remember(op.expect!, acknowledged);
      }
    }
    console.log(
      `Soak ${prefix}: ${minutes} min at concurrency ${concurrency} against ${target.url} ` +
        `(${samples.talks.length} talks, ${samples.papers.length} papers, ${samples.concepts.length} concepts); load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );

    const start = Date.now();
    const end = start + minutes * 60_000;
    const outcomes: Outcome[] = [];
    const curve: Sample[] = [];
    const sample = async () => {
      const heap = await neo4jHeap(driver);
      curve.push({
        second: Math.round((Date.now() - start) / 1000),
        rssMiB: rssMiB(target.serverPid),
        heapUsedMiB: heap.used,
        oldGenAfterGcMiB: heap.oldGen,
        requests: outcomes.length,
        load1: Number(os.loadavg()[0]!.toFixed(2)),
      });
    };
    await sample();
    const sampler = setInterval(() => void sample(), sampleEveryMs);

    const worker = async () => {
      while (Date.now() < end) {
        const isWrite = Math.random() < 0.2;
        const op: Operation = isWrite ? { ...write(samples), write: true } : { ...pick(reads)(samples), write: false };
        const outcome = await send(target, op);
        outcome.body = null;
        outcomes.push(outcome);
        if (outcome.error === null && op.expect) remember(op.expect, acknowledged);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    clearInterval(sampler);
    await sample();

    // Per minute: requests, p95 of reads and writes, errors.
    console.log('\n| minute | requests | reads p95 ms | writes p95 ms | errors (unexpected) | CONFLICT as meant |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (let m = 0; m < Math.ceil((end - start) / 60_000); m++) {
      const inMinute = outcomes.filter((o) => o.at - start >= m * 60_000 && o.at - start < (m + 1) * 60_000);
      const unexpected = inMinute.filter((o) => o.error !== null && !o.expectedConflict).length;
      console.log(
        `| ${m + 1} | ${inMinute.length} | ${p95(inMinute.filter((o) => !o.write).map((o) => o.ms)).toFixed(0)} | ` +
          `${p95(inMinute.filter((o) => o.write).map((o) => o.ms)).toFixed(0)} | ${unexpected} | ${inMinute.filter((o) => o.expectedConflict).length} |`,
      );
    }

    console.log('\n| s | server RSS MiB | Neo4j heap used MiB | Neo4j old gen after GC MiB | requests so far | load 1 min |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of curve) {
      console.log(`| ${s.second} | ${fmt(s.rssMiB)} | ${fmt(s.heapUsedMiB)} | ${fmt(s.oldGenAfterGcMiB)} | ${s.requests} | ${s.load1} |`);
    }

    const byName = new Map<string, { count: number; ms: number[] }>();
    for (const o of outcomes) {
      const entry = byName.get(o.name) ?? { count: 0, ms: [] };
      entry.count += 1;
      entry.ms.push(o.ms);
      byName.set(o.name, entry);
    }
    console.log('\n| operation | count | p95 ms |');
    console.log('| --- | ---: | ---: |');
    for (const [name, entry] of [...byName].sort((a, b) => a[0].localeCompare(b[0]))) {
      console.log(`| ${name} | ${entry.count} | ${p95(entry.ms).toFixed(0)} |`);
    }

    const errors = new Map<string, number>();
    for (const o of outcomes)
      if (o.error !== null && !o.expectedConflict) errors.set(`${o.name}: ${o.error}`, (errors.get(`${o.name}: ${o.error}`) ?? 0) + 1);
    const missing = await missingWrites(driver, acknowledged);
    const writes = outcomes.filter((o) => o.write).length;
    const slope = (label: string, value: (s: Sample) => number | null) => {
      const perMinute = slopePerMinute(curve, value);
      return `${label} ${perMinute === null ? 'not sampled' : `${perMinute >= 0 ? '+' : ''}${perMinute.toFixed(1)} MiB/min`}`;
    };
    console.log(
      `\n${outcomes.length} requests (${outcomes.length - writes} reads, ${writes} writes) in ${((Date.now() - start) / 60_000).toFixed(1)} min; ` +
        `${outcomes.filter((o) => o.expectedConflict).length} CONFLICTs as meant; ${[...errors.values()].reduce((a, b) => a + b, 0)} unexpected errors` +
        `${errors.size ? ` (${[...errors].map(([k, v]) => `${k} ×${v}`).join(', ')})` : ''}; ` +
        `${acknowledged.length} acknowledged writes checked, ${missing.length} missing.`,
    );
    console.log(
      `Trend after the first minute (least squares): ${slope('server RSS', (s) => s.rssMiB)}, ${slope('Neo4j heap used', (s) => s.heapUsedMiB)}, ` +
        `${slope('Neo4j old gen after GC', (s) => s.oldGenAfterGcMiB)}. Load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}.`,
    );
    if (missing.length) console.log(`Missing: ${JSON.stringify(missing.slice(0, 10))}`);
    failed = errors.size > 0 || missing.length > 0;

    await driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    await driver.executeQuery('MATCH (c:Change) WHERE c.target CONTAINS $prefix DETACH DELETE c', { prefix });
  } finally {
    await driver.close();
    await target.stop();
  }
  process.exit(failed ? 1 : 0);
}

await main();
