/**
 * The hostile-input corpus (tests/hostile/): malformed packs, hostile requests, Unicode edge
 * cases in every text argument, variables of the wrong types and sizes, malformed bibliographic
 * files, gzip bombs, a 100 MB line and bodies over the size limit, each with its expected error.
 * Every case compares the graph's counts and a hash of its whole content before and after:
 * nothing lost, nothing half-written; and every refusal carries a specific code.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildSchema, type GraphQLInputType, getNamedType, isInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { importRecords } from '../../src/ingest/import-records.js';
import { ImportError } from '../../src/ingest/records.js';
import { seed } from '../../src/ingest/seed.js';
import { createApi } from '../../src/server/yoga.js';
import { type HostileRequest, hostileRequests, malformedVariables } from '../hostile/queries.js';
import { malformedRecordRequests } from '../hostile/records.js';
import { textArguments, unicodeRequests } from '../hostile/unicode.js';
import { connectTestDb, graphState, totalCounts } from './helpers.js';

// Not on TestHelper, deliberately: the corpus (tests/hostile/) names its nodes with fixed 'hostile-' ids and sends
// raw bodies (batches, non-JSON, uploads) past the helper's requests, so the file connects and cleans up itself.
const db = connectTestDb();
const token = 'hostile-corpus-curator-token-0123456789';
const yoga = createApi({ db, config: loadConfig({ CURATOR_TOKENS: `tester:${token}` }) });
const packsDir = new URL('../hostile/packs/', import.meta.url).pathname;
const notes = readFileSync(path.join(packsDir, 'notes.txt'), 'utf8');

afterAll(async () => {
  await db.runText(`MATCH (n) WHERE n.id STARTS WITH 'hostile-' DETACH DELETE n`);
  await db.runText(`MATCH (c:Change) WHERE c.by = 'tester' DELETE c`);
  await db.close();
});

type Answer = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function send(query: string, variables: Record<string, unknown> = {}, auth: 'none' | 'wrong' | 'curator' = 'none', body?: string) {
  const authorization =
    auth === 'curator' ? `Bearer ${token}` : auth === 'wrong' ? 'Bearer this-token-is-not-configured-anywhere' : undefined;
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: body ?? JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as Answer | Answer[];
  // A body that is a JSON list is a batch: its first answer is the one to check.
  return Array.isArray(json) ? json[0]! : json;
}

/** Every error names a code clients can act on: none is an unexpected (masked) one. */
function expectSpecificErrors(answer: Answer) {
  for (const error of answer.errors ?? []) {
    expect(error.extensions?.code, JSON.stringify(error)).toEqual(expect.any(String));
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toBe('Unexpected error.');
  }
}

/**
 * The graph's state after the last case of the corpus, which is the next case's "before": one
 * hash per case, as nothing else writes between them. Each corpus section starts afresh.
 */
let lastState: Awaited<ReturnType<typeof graphState>> | null = null;
const startAfresh = () => {
  lastState = null;
};

/** Sends a request of the corpus and checks its answer and that the graph is exactly as it was. */
async function expectRefusedOrAnswered({ query, variables, auth, body, expect: expected }: HostileRequest) {
  const before = lastState ?? (await graphState(db));
  const answer = await send(query, variables, auth, body);
  lastState = await graphState(db);
  expect(lastState).toEqual(before);
  expectSpecificErrors(answer);
  if (expected === 'answered') {
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    // A sane answer: every root field the query asks for answered (null where nothing matches).
    for (const value of Object.values(answer.data ?? { missing: undefined })) expect(value).not.toBeUndefined();
  } else {
    const first = answer.errors?.[0];
    if (expected.code) expect(first?.extensions?.code, JSON.stringify(answer.errors)).toBe(expected.code);
    if (expected.message) expect(first?.message).toMatch(expected.message);
    if ('extensions' in expected && expected.extensions) expect(first?.extensions).toMatchObject(expected.extensions);
  }
}

const packs = readdirSync(packsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => {
    const text = readFileSync(path.join(packsDir, file), 'utf8');
    const expectation = /^# expect: (.*)$/m.exec(text)![1]!;
    return { file, text, expectation };
  });

describe('malformed packs', () => {
  it('the corpus holds the cases the issue names', () => {
    expect(packs.length).toBeGreaterThanOrEqual(14);
  });

  it.each(packs.filter((p) => p.expectation !== 'ok'))(
    '$file is refused from the command line and the API, writing nothing',
    async ({ file, text, expectation }) => {
      const before = await totalCounts(db);
      await expect(seed(db, [path.join(packsDir, file)])).rejects.toThrow(new RegExp(expectation));
      const answer = await send(
        'mutation($pack: String!, $documents: [DocumentInput!]!) { importPack(pack: $pack, documents: $documents) { labels { name } } }',
        { pack: text, documents: [{ file: 'notes.txt', text: notes }] },
        'curator',
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toMatch(new RegExp(expectation));
      expect(await totalCounts(db)).toEqual(before);
    },
  );

  it('the valid pack of the corpus loads, and loads again without change', async () => {
    const file = path.join(packsDir, 'valid.yaml');
    const first = await seed(db, [file]);
    expect(first!.labels.Talk).toBeGreaterThan(0);
    const counts = await totalCounts(db);
    await seed(db, [file]);
    expect(await totalCounts(db)).toEqual(counts);
  });

  it('a 10 MB string is refused', async () => {
    const before = await totalCounts(db);
    const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
    copyFileSync(path.join(packsDir, 'notes.txt'), path.join(dir, 'notes.txt'));
    const huge = packs
      .find((p) => p.file === 'valid.yaml')!
      .text.replace('summary: A talk about robust things.', `summary: "${'x'.repeat(10 * 1024 * 1024)}"`);
    writeFileSync(path.join(dir, 'pack.yaml'), huge);
    await expect(seed(db, [path.join(dir, 'pack.yaml')])).rejects.toThrow(/talks\[0\]\.summary: Too big/);
    expect(await totalCounts(db)).toEqual(before);
  });

  it('invalid UTF-8 is refused', async () => {
    const before = await totalCounts(db);
    const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
    const valid = Buffer.from(packs.find((p) => p.file === 'valid.yaml')!.text);
    writeFileSync(path.join(dir, 'pack.yaml'), Buffer.concat([valid.subarray(0, 40), Buffer.from([0xc3, 0x28, 0xff]), valid.subarray(40)]));
    copyFileSync(path.join(packsDir, 'notes.txt'), path.join(dir, 'notes.txt'));
    await expect(seed(db, [path.join(dir, 'pack.yaml')])).rejects.toThrow(/not valid UTF-8/);
    writeFileSync(path.join(dir, 'pack.yaml'), valid);
    writeFileSync(path.join(dir, 'notes.txt'), Buffer.from([0x48, 0x69, 0xed, 0xa0, 0x80]));
    await expect(seed(db, [path.join(dir, 'pack.yaml')])).rejects.toThrow(/not valid UTF-8/);
    expect(await totalCounts(db)).toEqual(before);
  });
});

describe('hostile requests', () => {
  beforeAll(startAfresh);
  it.each(hostileRequests)('$name', expectRefusedOrAnswered);
});

describe('variables of the wrong types and sizes, and bodies that are no GraphQL request', () => {
  beforeAll(startAfresh);
  it.each(malformedVariables)('$name', expectRefusedOrAnswered);
});

describe('Unicode edge cases in every text argument of every query and mutation', () => {
  it('the table names every text argument of the schema', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    const holdsText = (type: GraphQLInputType): boolean => {
      const named = getNamedType(type);
      return (
        ['String', 'ID'].includes(named.name) ||
        (isInputObjectType(named) && Object.values(named.getFields()).some((f) => holdsText(f.type)))
      );
    };
    const expected = [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) =>
      Object.values(root.getFields()).flatMap((field) =>
        field.args.filter((arg) => holdsText(arg.type)).map((arg) => `${root.name}.${field.name}(${arg.name}`),
      ),
    );
    const covered = new Set(textArguments.map((a) => a.name.replace(/[.)][^(]*$/, '')));
    expect(expected.filter((name) => !covered.has(name))).toEqual([]);
  });

  beforeAll(startAfresh);
  it.each(unicodeRequests)('$name', expectRefusedOrAnswered);

  it('legitimate RTL and combining text is stored exactly, found again, and refused nowhere', async () => {
    const before = await graphState(db);
    const name = 'Hostile \u202Bנוירון\u202C e\u0301\u0308 \u200Fnet';
    const created = await send(
      'mutation($n: String!, $d: String!) { upsertConcept(id: "hostile-unicode", name: $n, definition: $d, expectedVersion: 0) { name definition } }',
      { n: name, d: `${name} defined.` },
      'curator',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertConcept).toEqual({ name, definition: `${name} defined.` });
    const read = await send('query($n: String!) { concept(name: $n) { slug name } }', { n: name.toUpperCase() });
    expect(read.data.concept).toEqual({ slug: 'hostile-unicode', name });
    await db.runText(`MATCH (n:Concept {id: 'hostile-unicode'}) DETACH DELETE n`);
    await db.runText(`MATCH (c:Change {target: 'hostile-unicode'}) DELETE c`);
    expect(await graphState(db)).toEqual(before);
  });
});

describe('malformed bibliographic files sent to importRecords', () => {
  beforeAll(startAfresh);
  it.each(malformedRecordRequests)('$name', expectRefusedOrAnswered);
});

describe('files, gzip and sizes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hostile-files-'));
  const fixtures = new URL('../fixtures/import/', import.meta.url).pathname;
  const root = new URL('../../', import.meta.url).pathname;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `npm run import -- FILE` as a real process: it checks the files before it connects to anything. */
  async function importCommand(file: string) {
    const run = promisify(execFile);
    const result = await run(process.execPath, ['--import', 'tsx', 'src/ingest/import-cli.ts', file], { cwd: root }).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    return result;
  }

  /** importRecords with an upload (GraphQL multipart request). */
  async function upload(file: File, instance = yoga, extra: Record<string, unknown> = {}) {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: 'mutation($file: File, $text: String) { importRecords(file: $file, text: $text) { records } }',
        variables: { file: null, ...extra },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', file);
    const response = await instance.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Answer };
  }

  it('a 100 MB line, made here, is refused by `npm run import` and by the import itself with LINE_TOO_LONG', async () => {
    const file = path.join(dir, 'long-line.jsonl');
    const out = createWriteStream(file);
    out.write('{"id": "https://openalex.org/W9000000002", "title": "');
    const chunk = 'x'.repeat(2 ** 20);
    for (let i = 0; i < 100; i += 1) if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    await new Promise<void>((resolve) => out.end('"}\n', () => resolve()));
    const before = await graphState(db);
    const error = await importRecords(db, [{ name: 'long-line.jsonl', path: file }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('LINE_TOO_LONG');
    const command = await importCommand(file);
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(/long-line\.jsonl:1: has a line longer than 16777216 bytes; refused \[LINE_TOO_LONG\]/);
    expect(await graphState(db)).toEqual(before);
  }, 120_000);

  it('a gzip bomb is refused by `npm run import` (streamed) and as an upload, writing nothing', async () => {
    const before = await graphState(db);
    const command = await importCommand(path.join(fixtures, 'malformed/bomb-openalex.jsonl.gz'));
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(/\[GZIP_BOMB\]/);
    const bomb = readFileSync(path.join(fixtures, 'malformed/bomb-openalex.jsonl.gz'));
    const { body } = await upload(new File([bomb], 'bomb-openalex.jsonl.gz'));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', importCode: 'GZIP_BOMB' });
    expect(await graphState(db)).toEqual(before);
  });

  it('a gzip bomb of a file read whole (BibTeX) is refused with GZIP_BOMB', async () => {
    const file = path.join(dir, 'bomb.bib.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(64 * 2 ** 20, ' ')));
    const before = await graphState(db);
    const error = await importRecords(db, [{ name: 'bomb.bib.gz', path: file }]).catch((e: unknown) => e);
    expect((error as ImportError).code).toBe('GZIP_BOMB');
    expect(await graphState(db)).toEqual(before);
  });

  it('a truncated gzip upload is TRUNCATED, and bytes that only start like gzip are SYNTAX, not a gzip bomb', async () => {
    const before = await graphState(db);
    const whole = readFileSync(path.join(fixtures, 'icml-openalex.jsonl.gz'));
    const cut = await upload(new File([whole.subarray(0, Math.floor(whole.length / 2))], 'cut.jsonl.gz'));
    expect(cut.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', importCode: 'TRUNCATED' });
    const fake = await upload(new File([Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9])], 'fake.jsonl.gz'));
    expect(fake.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', importCode: 'SYNTAX' });
    expect(await graphState(db)).toEqual(before);
  });

  it('a gzip pack is not read as a pack: `npm run import` and an upload refuse it with UNKNOWN_FORMAT', async () => {
    const file = path.join(dir, 'pack.yaml.gz');
    writeFileSync(file, gzipSync(readFileSync(path.join(packsDir, 'valid.yaml'))));
    const before = await graphState(db);
    const command = await importCommand(file);
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(/\[UNKNOWN_FORMAT\]/);
    const { body } = await upload(new File([readFileSync(file)], 'pack.yaml.gz'));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', importCode: 'UNKNOWN_FORMAT' });
    expect(await graphState(db)).toEqual(before);
  });

  it('uploads: over 20 MB, not UTF-8, and together with text are refused with their reasons', async () => {
    const before = await graphState(db);
    const big = await upload(new File([Buffer.alloc(21_000_000, ' ')], 'big.bib'));
    expect(big.body.errors?.[0]).toMatchObject({ message: /at most 20000000 may be uploaded/, extensions: { code: 'BAD_USER_INPUT' } });
    const latin1 = await upload(new File([readFileSync(path.join(fixtures, 'malformed/latin1.bib'))], 'latin1.bib'));
    expect(latin1.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', importCode: 'ENCODING' });
    const both = await upload(new File(['@article{a, title={A}}'], 'a.bib'), yoga, { text: '@article{b, title={B}}' });
    expect(both.body.errors?.[0]).toMatchObject({ message: /as `text` or as `file`, one of them/, extensions: { code: 'BAD_USER_INPUT' } });
    expect(await graphState(db)).toEqual(before);
  });

  it('bodies over GRAPHQL_MAX_BODY_BYTES, JSON, multipart or chunked, are refused with 413 and REQUEST_ENTITY_TOO_LARGE', async () => {
    const small = createApi({ db, config: loadConfig({ CURATOR_TOKENS: `tester:${token}`, GRAPHQL_MAX_BODY_BYTES: String(2 ** 20) }) });
    const before = await graphState(db);
    const post = async (body: BodyInit, headers: Record<string, string>) => {
      const response = await small.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1', ...headers },
        body,
        duplex: 'half', // a streamed body needs it
      });
      return { status: response.status, body: (await response.json()) as Answer };
    };
    const json = JSON.stringify({
      query: 'query($q: String!) { search(query: $q) { totalCount } }',
      variables: { q: 'g'.repeat(2 * 2 ** 20) },
    });
    const declared = await post(json, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) });
    expect(declared).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] } });
    // Chunked: no Content-Length, so the limit counts the bytes as they are read.
    const chunked = await post(new Blob([json]).stream(), { 'content-type': 'application/json' });
    expect(chunked).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] } });
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({ query: 'mutation($file: File) { importRecords(file: $file) { records } }', variables: { file: null } }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new File([Buffer.alloc(3 * 2 ** 20, ' ')], 'big.bib'));
    const encoded = new Response(form);
    const bytes = await encoded.arrayBuffer();
    const multipart = await post(bytes, { 'content-type': encoded.headers.get('content-type')! });
    expect(multipart).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] } });
    expect(await graphState(db)).toEqual(before);
  });
});

describe('the corpus', () => {
  it('holds more than 150 hostile inputs', () => {
    // The inputs the tests above build in place, one each.
    const inPlace = [
      '10 MB string in a pack',
      'invalid UTF-8 pack',
      'invalid UTF-8 notes',
      '100 MB line (import)',
      '100 MB line (npm run import)',
      'gzip bomb (npm run import)',
      'gzip bomb (upload)',
      'gzip bomb of a BibTeX file',
      'truncated gzip upload',
      'fake gzip upload',
      'gzip pack (npm run import)',
      'gzip pack (upload)',
      'upload over 20 MB',
      'upload not UTF-8',
      'upload with text',
      'JSON body over the limit',
      'multipart body over the limit',
    ];
    const corpus = [packs, hostileRequests, malformedVariables, unicodeRequests, malformedRecordRequests, inPlace];
    expect(corpus.reduce((total, cases) => total + cases.length, 0)).toBeGreaterThan(150);
  });
});
