/**
 * Concurrent curators against the real Neo4j: every node a curator can change carries a
 * `version` that every write increments; a mutation given a stale `expectedVersion` is
 * CONFLICT with the current value and writes nothing; without one, concurrent changes to one
 * node are applied one after the other, none lost. Two API instances with their own drivers
 * stand for two clients.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seed } from '../../src/ingest/seed.js';
import { graphState, TestHelper } from './helpers.js';

const alice = new TestHelper('versions');
const bob = new TestHelper('versions-bob');
const { db, prefix: p } = alice;

// alice's close() also removes the links whose URLs hold her prefix.
afterAll(async () => {
  await bob.close();
  await alice.close();
});

type Answer = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };

const upsertConcept = `mutation($id: String, $name: String!, $definition: String, $expectedVersion: Int) {
  upsertConcept(id: $id, name: $name, definition: $definition, expectedVersion: $expectedVersion) { slug version definition }
}`;
const addAlias = `mutation($concept: ID!, $alias: String!, $expectedVersion: Int) {
  addConceptAlias(concept: $concept, alias: $alias, expectedVersion: $expectedVersion) { version aliases }
}`;
const readConcept = 'query($name: String!) { concept(name: $name) { version aliases definition } }';

async function newConcept(suffix: string): Promise<string> {
  const id = alice.id(suffix);
  const answer = await alice.requestAsCurator(upsertConcept, { id, name: `${p} ${suffix}`, definition: 'First definition.' });
  expect(answer.errors).toBeUndefined();
  expect(answer.data.upsertConcept.version).toBe(1);
  return id;
}

const changeCount = async (target: string) =>
  (await db.runText<{ n: number }>('MATCH (c:Change {target: $target}) RETURN count(c) AS n', { target }, 'READ'))[0]!.n;

describe('versions', () => {
  it('reads return the version of concepts, people, talks and papers; nodes seeded before versions read 0 or more', async () => {
    const answer = await alice.request(`{
      concept(name: "EWC") { version } person(name: "Martin Arjovsky") { version }
      talk(id: "wasserstein-gan") { version } paper(id: "paper-wasserstein-gan") { version }
    }`);
    expect(answer.errors).toBeUndefined();
    for (const node of Object.values(answer.data) as { version: number }[]) expect(node.version).toBeGreaterThanOrEqual(1);
  });

  it('each write increments the version by one, and the mutation returns the new version', async () => {
    const id = await newConcept('counted');
    const second = await alice.requestAsCurator(upsertConcept, { id, name: `${p} counted`, definition: 'Second.', expectedVersion: 1 });
    expect(second.data.upsertConcept).toMatchObject({ version: 2, definition: 'Second.' });
    const alias = await alice.requestAsCurator(addAlias, { concept: id, alias: `${p}-c1`, expectedVersion: 2 });
    expect(alias.data.addConceptAlias.version).toBe(3);
    expect((await alice.request(readConcept, { name: id })).data.concept.version).toBe(3);
  });

  it('a stale expectedVersion is CONFLICT with the current version and value, and writes nothing', async () => {
    const id = await newConcept('stale');
    await alice.requestAsCurator(upsertConcept, { id, name: `${p} stale`, definition: 'What bob has not seen.' });
    const before = await graphState(db);
    const stale = await bob.requestAsCurator(upsertConcept, { id, name: `${p} stale`, definition: "Bob's.", expectedVersion: 1 });
    expect(stale.data).toBeNull();
    expect(stale.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      id,
      expectedVersion: 1,
      currentVersion: 2,
      current: { id, definition: 'What bob has not seen.', version: 2, __type: 'Concept' },
    });
    const staleAlias = await bob.requestAsCurator(addAlias, { concept: id, alias: `${p}-bob`, expectedVersion: 1 });
    expect(staleAlias.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await graphState(db)).toEqual(before);
    expect(await changeCount(id)).toBe(2);
  });

  it('expectedVersion 0 creates only a node that does not exist yet', async () => {
    const id = alice.id('create-only');
    const created = await alice.requestAsCurator(upsertConcept, { id, name: `${p} create only`, expectedVersion: 0 });
    expect(created.data.upsertConcept.version).toBe(1);
    const again = await bob.requestAsCurator(upsertConcept, { id, name: `${p} create only`, definition: 'x', expectedVersion: 0 });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const absent = await bob.requestAsCurator(upsertConcept, { id: alice.id('never'), name: `${p} never`, expectedVersion: 4 });
    expect(absent.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 0, current: null });
  });

  it('a negative expectedVersion is BAD_USER_INPUT', async () => {
    const answer = await alice.requestAsCurator(upsertConcept, { id: alice.id('neg'), name: `${p} neg`, expectedVersion: -1 });
    expect(answer.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('racing curators', () => {
  it('50 concurrent alias additions without expectedVersion: every acknowledged one is kept', async () => {
    const id = await newConcept('fifty');
    const aliases = Array.from({ length: 50 }, (_, i) => `${p}-alias-${i}`);
    const answers: Answer[] = await Promise.all(
      aliases.map((alias, i) => (i % 2 ? bob : alice).requestAsCurator(addAlias, { concept: id, alias })),
    );
    const acknowledged = aliases.filter((_, i) => !answers[i]!.errors);
    for (const answer of answers) if (answer.errors) expect(answer.errors[0]!.extensions!.code).toBe('CONFLICT');
    const final = (await alice.request(readConcept, { name: id })).data.concept;
    expect(new Set(final.aliases)).toEqual(new Set(acknowledged));
    expect(acknowledged).toHaveLength(50);
    expect(final.version).toBe(1 + acknowledged.length);
    // Each answer saw its own alias land, on a version of its own.
    const versions = answers.filter((a) => !a.errors).map((a) => a.data.addConceptAlias.version);
    expect(new Set(versions).size).toBe(acknowledged.length);
  });

  it('50 concurrent alias additions with the same expectedVersion: exactly one wins, the rest are CONFLICT', async () => {
    const id = await newConcept('fifty-expected');
    const before = (await alice.request(readConcept, { name: id })).data.concept.version;
    const aliases = Array.from({ length: 50 }, (_, i) => `${p}-x-${i}`);
    const answers: Answer[] = await Promise.all(
      aliases.map((alias, i) => (i % 2 ? bob : alice).requestAsCurator(addAlias, { concept: id, alias, expectedVersion: before })),
    );
    const won = aliases.filter((_, i) => !answers[i]!.errors);
    expect(won).toHaveLength(1);
    for (const answer of answers.filter((a) => a.errors)) {
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: before + 1, current: { aliases: won } });
    }
    const final = (await alice.request(readConcept, { name: id })).data.concept;
    expect(final).toMatchObject({ aliases: won, version: before + 1 });
  });

  it('two clients racing upserts with the same expectedVersion: one wins, the other gets CONFLICT with the winning value', async () => {
    const id = await newConcept('duel');
    for (let round = 1; round <= 10; round += 1) {
      const [a, b]: Answer[] = await Promise.all([
        alice.requestAsCurator(upsertConcept, { id, name: `${p} duel`, definition: `Alice, round ${round}.`, expectedVersion: round }),
        bob.requestAsCurator(upsertConcept, { id, name: `${p} duel`, definition: `Bob, round ${round}.`, expectedVersion: round }),
      ]);
      const [winner, loser] = a!.errors ? [b!, a!] : [a!, b!];
      expect(winner.errors, JSON.stringify(winner.errors)).toBeUndefined();
      expect(winner.data.upsertConcept.version).toBe(round + 1);
      expect(loser.errors![0]!.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: round + 1,
        current: { definition: winner.data.upsertConcept.definition, version: round + 1 },
      });
      expect((await alice.request(readConcept, { name: id })).data.concept.definition).toBe(winner.data.upsertConcept.definition);
    }
    // One change record per winning write, none for the refused ones.
    expect(await changeCount(id)).toBe(11);
  });

  it('two clients racing to create the same paper with expectedVersion 0: one creates it, the other is CONFLICT', async () => {
    const upsertPaper = `mutation($id: String, $title: String!, $expectedVersion: Int) {
      upsertPaper(id: $id, title: $title, expectedVersion: $expectedVersion) { version title }
    }`;
    for (let round = 0; round < 5; round += 1) {
      const id = alice.id(`new-paper-${round}`);
      const [a, b]: Answer[] = await Promise.all([
        alice.requestAsCurator(upsertPaper, { id, title: 'Alice wrote it first', expectedVersion: 0 }),
        bob.requestAsCurator(upsertPaper, { id, title: 'Bob wrote it first', expectedVersion: 0 }),
      ]);
      const [winner, loser] = a!.errors ? [b!, a!] : [a!, b!];
      expect(winner.errors, JSON.stringify(winner.errors)).toBeUndefined();
      expect(winner.data.upsertPaper.version).toBe(1);
      expect(loser.errors![0]!.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: 1,
        current: { title: winner.data.upsertPaper.title },
      });
    }
  });

  it('work edges: linking, referencing and unlinking increment the work, and a stale version refuses them', async () => {
    const work = alice.id('work');
    const paper = alice.id('cited');
    const upsertPaper = 'mutation($id: String, $title: String!) { upsertPaper(id: $id, title: $title) { version } }';
    await alice.requestAsCurator(upsertPaper, { id: work, title: `${p} citing work` });
    await alice.requestAsCurator(upsertPaper, { id: paper, title: `${p} cited work` });
    const concept = await newConcept('linked');
    const source = { url: 'https://example.org/source', quote: 'says so' };
    const link = await alice.requestAsCurator(
      'mutation($w: ID!, $c: ID!, $s: SourceInput!, $v: Int) { linkWorkToConcept(work: $w, concept: $c, source: $s, expectedVersion: $v) { version } }',
      { w: work, c: concept, s: source, v: 1 },
    );
    expect(link.data.linkWorkToConcept.version).toBe(2);
    const reference = await bob.requestAsCurator(
      'mutation($w: ID!, $t: ID!, $s: SourceInput!, $v: Int) { addReference(from: $w, to: $t, type: CITES, source: $s, expectedVersion: $v) { version } }',
      { w: work, t: paper, s: source, v: 1 },
    );
    expect(reference.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const unlink = await bob.requestAsCurator(
      'mutation($w: ID!, $c: ID!, $v: Int) { removeConceptLink(work: $w, concept: $c, expectedVersion: $v) }',
      {
        w: work,
        c: concept,
        v: 2,
      },
    );
    expect(unlink.data.removeConceptLink).toBe(true);
    const nothing = await bob.requestAsCurator('mutation($w: ID!, $c: ID!) { removeConceptLink(work: $w, concept: $c) }', {
      w: work,
      c: concept,
    });
    expect(nothing.data.removeConceptLink).toBe(false);
    expect((await alice.request('query($id: ID!) { paper(id: $id) { version } }', { id: work })).data.paper.version).toBe(3);
  });
});

describe('re-seeding and imports move the version too', () => {
  it('a re-seed increments the versions of the nodes it writes, so a curator who read before it gets CONFLICT', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'versions-'));
    const packs = new URL('../hostile/packs/', import.meta.url).pathname;
    const pack = readFileSync(path.join(packs, 'valid.yaml'), 'utf8')
      .replaceAll('hostile-', `${p}-`)
      .replace('https://example.org/robust', `https://example.org/${p}`);
    writeFileSync(path.join(dir, 'pack.yaml'), pack);
    writeFileSync(path.join(dir, 'notes.txt'), readFileSync(path.join(packs, 'notes.txt')));
    await seed(db, [path.join(dir, 'pack.yaml')]);
    const read = `{ concept(name: "${p}-adversarial-examples") { version } talk(id: "${p}-robust-things") { version }
      paper(id: "${p}-paper") { version } person(name: "${p}-speaker") { version } }`;
    const first = (await alice.request(read)).data;
    expect(first).toEqual({ concept: { version: 1 }, talk: { version: 1 }, paper: { version: 1 }, person: { version: 1 } });
    await seed(db, [path.join(dir, 'pack.yaml')]);
    expect((await alice.request(read)).data).toEqual({
      concept: { version: 2 },
      talk: { version: 2 },
      paper: { version: 2 },
      person: { version: 2 },
    });
    const stale = await alice.requestAsCurator(addAlias, { concept: `${p}-adversarial-examples`, alias: `${p}-late`, expectedVersion: 1 });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });
});
