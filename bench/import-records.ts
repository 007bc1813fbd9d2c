/**
 * Import benchmark for bibliographic records (not part of `npm test`):
 *
 *   npx tsx bench/import-records.ts formats [records]   # records/s per format (default 10,000)
 *   npx tsx bench/import-records.ts large [records]     # one OpenAlex .jsonl.gz (default 100,000);
 *                                                       # run it under /usr/bin/time -v for peak RSS
 *   npx tsx bench/import-records.ts check [records]     # only read and check a .jsonl.gz (no Neo4j)
 *
 * BENCH_IMPORT_REUSE=1 imports a file written by an earlier run instead of generating it again.
 *
 * Synthetic OpenAlex works, deterministic for a given count: titles and abstracts from the ML
 * vocabulary of generate.ts (so concepts of the ICML pack are found in them), 1-8 authors from a
 * pool of 0.8 N with Zipf-distributed productivity (30% with an ORCID), 10 references each, 80%
 * to earlier works (Zipf over popularity, so CITES resolve) and 20% to works outside the file
 * (kept as unresolved references). The same works are written as BibTeX, RIS, CSL-JSON, Semantic
 * Scholar and arXiv JSON Lines for the per-format figures.
 *
 * Its own Neo4j: the managed local Neo4j in .neo4j/bench-import (BENCH_IMPORT_DIR) on
 * BENCH_IMPORT_PORT (default 7692), emptied and seeded with the ICML pack before each import;
 * stopped at the end if started here.
 */

import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { Database } from '../src/db/database.js';
import { type LocalNeo4jOptions, startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrate.js';
import type { RecordFormat } from '../src/ingest/formats/index.js';
import { checkInputs, importRecords } from '../src/ingest/import-records.js';
import { seed } from '../src/ingest/seed.js';
import { ML_WORDS } from './generate.js';
import { projectRoot } from './neo4j.js';
import { intBetween, pick, seededRandom, Zipf } from './random.js';

const neo4jOptions: LocalNeo4jOptions = {
  dir: process.env.BENCH_IMPORT_DIR ?? '.neo4j/bench-import',
  port: Number(process.env.BENCH_IMPORT_PORT ?? 7692),
  password: 'knowledge-graph',
  heap: process.env.BENCH_IMPORT_HEAP ?? '3g',
  pageCacheMiB: Number(process.env.BENCH_IMPORT_PAGE_CACHE_MIB ?? 1024),
  startTimeoutMs: 600_000,
};
const dataDir = path.join(projectRoot, 'bench/.data/import');
const CONCEPT_WORDS = [
  'generative adversarial networks',
  'mode collapse',
  'catastrophic forgetting',
  'temperature scaling',
  'meta-learning',
  'WGAN',
  'EWC',
  'reinforcement learning',
];

interface Work {
  n: number;
  title: string;
  year: number;
  venue: string;
  authors: { name: string; orcid?: string }[];
  abstract: string;
  refs: number[];
}

/** The i-th synthetic work (deterministic), for a file of `total` works. */
function* works(total: number): Generator<Work> {
  const random = seededRandom(total);
  const words = new Zipf(ML_WORDS.length, 1, 20);
  const people = Math.max(10, Math.floor(total * 0.8));
  const productivity = new Zipf(people, 1, 50);
  const popularity = new Zipf(total, 1, 5);
  for (let n = 0; n < total; n++) {
    const phrase = (count: number) => Array.from({ length: count }, () => ML_WORDS[words.sample(random)]).join(' ');
    const sentences = Array.from(
      { length: intBetween(random, 3, 6) },
      () => `${phrase(intBetween(random, 8, 16))}${random() < 0.3 ? ` with ${pick(random, CONCEPT_WORDS)}` : ''}.`,
    );
    const authors = Array.from({ length: intBetween(random, 1, 8) }, () => {
      const p = productivity.sample(random);
      return { name: `Author${p} Person${p % 997}`, ...(p % 10 < 3 ? { orcid: orcidOf(p) } : {}) };
    });
    const refs = Array.from({ length: 10 }, () =>
      random() < 0.8 && n > 0 ? popularity.sample(random) % n : total + Math.floor(random() * total),
    );
    yield {
      n,
      title: `${phrase(intBetween(random, 3, 8))} ${n}`,
      year: 2000 + (n % 25),
      venue: pick(random, ['ICML', 'NeurIPS', 'ICLR', 'JMLR']),
      authors: dedupe(authors),
      abstract: sentences.join(' '),
      refs: [...new Set(refs)],
    };
  }
}

function dedupe<T extends { name: string }>(items: T[]): T[] {
  return [...new Map(items.map((i) => [i.name, i])).values()];
}

/** A syntactically valid ORCID with its ISO 7064 check digit. */
function orcidOf(n: number): string {
  const digits = String(9_000_000_000_000_00 + n).slice(-15);
  let total = 0;
  for (const d of digits) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = `${digits}${check === 10 ? 'X' : check}`;
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

const openalexId = (n: number) => `W${3_000_000_000 + n}`;
const arxivId = (n: number) =>
  `${String(10 + (n % 14)).padStart(2, '0')}${String(1 + (Math.floor(n / 14) % 12)).padStart(2, '0')}.${String(n).padStart(5, '0').slice(-5)}`;
const inverted = (text: string) => {
  const index: Record<string, number[]> = {};
  text.split(' ').forEach((word, i) => {
    index[word] ??= [];
    index[word].push(i);
  });
  return index;
};
const split = (name: string) => ({ given: name.split(' ')[0]!, family: name.split(' ')[1]! });

const writers: Record<RecordFormat, { ext: string; head?: string; line: (w: Work) => string; sep?: string; tail?: string }> = {
  openalex: {
    ext: 'jsonl',
    line: (w) =>
      JSON.stringify({
        id: `https://openalex.org/${openalexId(w.n)}`,
        doi: `https://doi.org/10.5555/bench.${w.n}`,
        title: w.title,
        publication_year: w.year,
        primary_location: { source: { display_name: w.venue } },
        authorships: w.authors.map((a) => ({ author: { display_name: a.name, orcid: a.orcid ? `https://orcid.org/${a.orcid}` : null } })),
        abstract_inverted_index: inverted(w.abstract),
        referenced_works: w.refs.map((r) => `https://openalex.org/${openalexId(r)}`),
      }),
  },
  'semantic-scholar': {
    ext: 'jsonl',
    line: (w) =>
      JSON.stringify({
        externalIds: { DOI: `10.5555/bench.${w.n}` },
        title: w.title,
        year: w.year,
        venue: w.venue,
        authors: w.authors.map((a) => ({ name: a.name })),
        abstract: w.abstract,
        references: w.refs.map((r) => ({ externalIds: { DOI: `10.5555/bench.${r}` } })),
      }),
  },
  arxiv: {
    ext: 'jsonl',
    line: (w) =>
      JSON.stringify({
        id: arxivId(w.n),
        title: w.title,
        authors_parsed: w.authors.map((a) => [split(a.name).family, split(a.name).given, '']),
        abstract: w.abstract,
        categories: 'cs.LG',
        versions: [{ version: 'v1', created: `Mon, 1 Jan ${w.year} 00:00:00 GMT` }],
      }),
  },
  'csl-json': {
    ext: 'json',
    head: '[\n',
    sep: ',\n',
    tail: '\n]\n',
    line: (w) =>
      JSON.stringify({
        id: `w${w.n}`,
        type: 'paper-conference',
        title: w.title,
        author: w.authors.map((a) => split(a.name)),
        issued: { 'date-parts': [[w.year]] },
        'container-title': w.venue,
        DOI: `10.5555/bench.${w.n}`,
        abstract: w.abstract,
      }),
  },
  bibtex: {
    ext: 'bib',
    line: (w) =>
      `@inproceedings{w${w.n},\n  title = {${w.title}},\n  author = {${w.authors.map((a) => `${split(a.name).family}, ${split(a.name).given}`).join(' and ')}},\n  booktitle = {${w.venue}},\n  year = {${w.year}},\n  doi = {10.5555/bench.${w.n}},\n  abstract = {${w.abstract}}\n}\n`,
  },
  ris: {
    ext: 'ris',
    line: (w) =>
      [
        `TY  - CONF`,
        `ID  - w${w.n}`,
        `TI  - ${w.title}`,
        ...w.authors.map((a) => `AU  - ${split(a.name).family}, ${split(a.name).given}`),
        `PY  - ${w.year}`,
        `T2  - ${w.venue}`,
        `DO  - 10.5555/bench.${w.n}`,
        `AB  - ${w.abstract}`,
        'ER  - ',
        '',
      ].join('\n'),
  },
};

/**
 * Writes `total` synthetic works in `format` under bench/.data/import and returns the file. With
 * BENCH_IMPORT_REUSE=1 a file already written there is used as it is (the works are the same for
 * a given count), so that the import process measured does not also generate them: the file is
 * written under a temporary name and renamed once complete, so a run stopped half way leaves none.
 */
async function writeFile(format: RecordFormat, total: number, gzip = false): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const writer = writers[format];
  const file = path.join(dataDir, `${format}-${total}.${writer.ext}${gzip ? '.gz' : ''}`);
  if (process.env.BENCH_IMPORT_REUSE === '1' && existsSync(file)) {
    console.error(`using ${path.relative(projectRoot, file)} as written before (BENCH_IMPORT_REUSE=1)`);
    return file;
  }
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const sink = gzip ? createGzip({ level: 6 }) : out;
  if (gzip) sink.pipe(out);
  const put = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  if (writer.head) await put(writer.head);
  let first = true;
  for (const work of works(total)) {
    await put(`${first ? '' : (writer.sep ?? '')}${writer.line(work)}${writer.sep ? '' : '\n'}`);
    first = false;
  }
  if (writer.tail) await put(writer.tail);
  sink.end();
  await once(out, 'close');
  renameSync(partial, file);
  return file;
}

async function freshDatabase(db: Database): Promise<void> {
  // In chunks (CALL IN TRANSACTIONS is refused in the managed transactions runText uses), the
  // relationships first: after a 100,000-record import, deleting even 2,000 nodes with their
  // relationships at once went over Neo4j's transaction memory limit (2.1 GiB of a 3 GB heap).
  for (const statement of [
    'MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n',
    'MATCH (n) WITH n LIMIT 20000 DELETE n RETURN count(*) AS n',
  ])
    for (;;) {
      const [row] = await db.runText<{ n: number }>(statement);
      if (!row || row.n === 0) break;
    }
  await migrate(db);
  await seed(db);
}

async function counts(db: Database): Promise<number> {
  const [row] = await db.runText<{ n: number }>(
    'CALL { MATCH (n) RETURN count(n) AS a } CALL { MATCH ()-[r]->() RETURN count(r) AS b } RETURN a + b AS n',
    {},
    'READ',
  );
  return row!.n;
}

async function main(): Promise<void> {
  const [mode = 'formats', count] = process.argv.slice(2);
  const total = Number(count ?? (mode === 'large' ? 100_000 : 10_000));
  if (mode === 'check') {
    const file = await writeFile('openalex', total, true);
    const t = performance.now();
    const [checked] = await checkInputs([{ name: path.basename(file), path: file }], { format: 'openalex' });
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `checked ${checked!.records} records (${(statSync(file).size / 2 ** 20).toFixed(0)} MB gzip) in ${seconds.toFixed(1)} s: ${Math.round(total / seconds)} records/s`,
    );
    return;
  }
  const started = await startLocalNeo4j(neo4jOptions, (line) => console.error(line));
  const db = Database.connect({
    uri: started.uri,
    user: 'neo4j',
    password: neo4jOptions.password,
    database: 'neo4j',
    queryTimeoutMs: 3_600_000,
  });
  try {
    const formats: RecordFormat[] =
      mode === 'large' ? ['openalex'] : ['openalex', 'semantic-scholar', 'arxiv', 'csl-json', 'bibtex', 'ris'];
    console.log(`| format | records | file MB | check (records/s) | import s | records/s | nodes+rels written | nodes+rels/s |`);
    console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    for (const format of formats) {
      const file = await writeFile(format, total, mode === 'large');
      const input = { name: path.basename(file), path: file };
      await freshDatabase(db);
      let t = performance.now();
      await checkInputs([input], { format });
      const check = (performance.now() - t) / 1000;
      const before = await counts(db);
      t = performance.now();
      const statements = new Map<string, number>();
      const report = await importRecords(db, [input], {
        format,
        batchSize: Number(process.env.BENCH_IMPORT_BATCH ?? 1000),
        onStatement: (name, ms) => statements.set(name, (statements.get(name) ?? 0) + ms),
      });
      const seconds = (performance.now() - t) / 1000;
      const written = (await counts(db)) - before;
      const mb = statSync(file).size / 2 ** 20;
      console.log(
        `| ${format}${mode === 'large' ? ' (.jsonl.gz)' : ''} | ${report.records.toLocaleString('en')} | ${mb.toFixed(1)} | ${Math.round(total / check).toLocaleString('en')} | ${seconds.toFixed(1)} | ${Math.round(total / seconds).toLocaleString('en')} | ${written.toLocaleString('en')} | ${Math.round(written / seconds).toLocaleString('en')} |`,
      );
      console.error(
        `  ${format} statements (s): ${[...statements]
          .sort((a, b) => b[1] - a[1])
          .map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)}`)
          .join(', ')}`,
      );
      console.error(
        `  ${format}: works +${report.worksCreated}, people +${report.peopleCreated}, cites +${report.citesCreated}, unresolved +${report.referencesUnresolved}, concept links +${report.conceptLinksCreated}`,
      );
    }
  } finally {
    await db.close();
    if (started.started && process.env.BENCH_IMPORT_KEEP !== '1') await stopLocalNeo4j(neo4jOptions);
  }
}

await main();
