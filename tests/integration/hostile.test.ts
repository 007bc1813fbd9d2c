/**
 * The hostile-input corpus (tests/hostile/): malformed packs and hostile requests, each with its
 * expected error. Every case counts the graph's nodes and relationships before and after:
 * nothing lost, nothing half-written.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { seed } from '../../src/ingest/seed.js';
import { createApi } from '../../src/server/yoga.js';
import { hostileRequests } from '../hostile/queries.js';
import { connectTestDb, totalCounts } from './helpers.js';

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

async function send(query: string, variables: Record<string, unknown> = {}, auth: 'none' | 'wrong' | 'curator' = 'none') {
  const authorization =
    auth === 'curator' ? `Bearer ${token}` : auth === 'wrong' ? 'Bearer this-token-is-not-configured-anywhere' : undefined;
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
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
  it.each(hostileRequests)('$name', async ({ query, variables, auth, expect: expected }) => {
    const before = await totalCounts(db);
    const answer = await send(query, variables, auth);
    if (expected === 'answered') {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    } else {
      if (expected.code) expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(answer.errors)).toBe(expected.code);
      if (expected.message) expect(answer.errors?.[0]?.message).toMatch(expected.message);
    }
    expect(await totalCounts(db)).toEqual(before);
  });
});
