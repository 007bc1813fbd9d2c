/**
 * Precomputed related-to-concept lists (issue 16) on the seeded ICML 2017 graph, then on a
 * 1,000-paper synthetic pack loaded beside it (and removed after): the answer read from a list
 * equals the on-the-fly statement's (kept here as the reference) for every concept; a curation
 * write makes stale every list whose ranking it changes (checked against the statement for every
 * concept, so a case cypher/similarity/mark-stale-concepts.cypher misses fails here), a stale list
 * is never served, and a refresh brings the lists back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePack } from '../../bench/generate.js';
import { addReference, linkWorkToConcept, removeConceptLink, removeReference } from '../../src/db/curation.js';
import { CONCEPT_LIST_SIZE, rankedRelatedToConcept, relatedToConceptOnTheFly } from '../../src/graph/concept-lists.js';
import { refreshSimilarity } from '../../src/graph/similarity.js';
import { loadPack } from '../../src/ingest/load-pack.js';
import { parsePack } from '../../src/ingest/read-pack.js';
import type { RankedWork } from '../../src/model/rows.js';
import { clearLists, nodesNow, removeNodesAddedSince, TestHelper } from './helpers.js';

const helper = new TestHelper('concept-lists');
const { db } = helper;

const ids = (works: RankedWork[]) => works.map((w) => String(w.work.id));
/** Each result's reasons as kind, weight and the nodes they go through. */
const reasons = (works: RankedWork[]) =>
  works.map((w) => w.reasons.map((r) => `${r.kind} ${r.weight.toFixed(9)} ${r.via.map((v) => v.id).join(',')}`).sort());

async function conceptIds(): Promise<string[]> {
  const rows = await db.runText<{ id: string }>('MATCH (c:Concept) RETURN c.id AS id ORDER BY id', {}, 'READ');
  return rows.map((r) => r.id);
}

/** Expects the list's answer for `id` to be the statement's: same works, same order, scores within 1e-9, same reasons. */
async function expectListedAsOnTheFly(id: string, limit = 10) {
  const listed = await rankedRelatedToConcept(db, id, limit);
  const reference = await relatedToConceptOnTheFly(db, id, limit);
  expect(listed.computedAt, `${id} is read from its list`).not.toBeNull();
  expect(ids(listed.works), id).toEqual(ids(reference));
  listed.works.forEach((w, i) => {
    expect(Math.abs(w.score - reference[i]!.score), `${id}: ${w.work.id}`).toBeLessThan(1e-9);
  });
  expect(reasons(listed.works), id).toEqual(reasons(reference));
}

/** Every concept's on-the-fly top CONCEPT_LIST_SIZE, as "id score" strings. */
async function rankings(concepts: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const id of concepts) {
    const ranked = await relatedToConceptOnTheFly(db, id, CONCEPT_LIST_SIZE, false);
    out.set(
      id,
      ranked.map((r) => `${r.work.id} ${r.score.toFixed(9)}`),
    );
  }
  return out;
}

async function freshness(): Promise<Map<string, boolean>> {
  const rows = await db.runText<{ id: string; fresh: boolean }>(
    'MATCH (c:Concept) RETURN c.id AS id, c.similarAt IS NOT NULL AND coalesce(c.similarEpoch, 0) = coalesce(c.similarBuiltEpoch, -1) AS fresh',
    {},
    'READ',
  );
  return new Map(rows.map((r) => [r.id, r.fresh]));
}

beforeAll(async () => {
  await clearLists(db);
});
afterAll(async () => {
  await clearLists(db);
  await helper.close();
});

describe('precomputed related-to-concept lists', () => {
  it('answers on the fly (computedAt null) while no list exists', async () => {
    const answer = await rankedRelatedToConcept(db, 'Lipschitz constraint', 10);
    expect(answer.computedAt).toBeNull();
    expect(ids(answer.works)).toEqual(ids(await relatedToConceptOnTheFly(db, 'Lipschitz constraint', 10)));
  });

  it('a rebuild computes every concept’s list, and each ranks as the on-the-fly statement does', async () => {
    const concepts = await conceptIds();
    const rebuilt = await refreshSimilarity(db, { all: true, since: Date.now() });
    expect(rebuilt.concepts).toBe(concepts.length);
    expect((await refreshSimilarity(db)).concepts ?? 0).toBe(0);
    for (const id of concepts) await expectListedAsOnTheFly(id);
    // By name, through the one resolution relatedToConcept uses.
    expect((await rankedRelatedToConcept(db, 'Lipschitz constraint', 10)).computedAt).not.toBeNull();
    // Deeper than a list: on the fly.
    expect((await rankedRelatedToConcept(db, 'Lipschitz constraint', CONCEPT_LIST_SIZE + 1)).computedAt).toBeNull();
  }, 300_000);

  const by = 'alice';
  const source = { url: `https://example.org/${helper.prefix}`, quote: 'for the concept-list test' };
  const removal = { by, reason: `added by ${helper.prefix}` };
  it.each([
    [
      'linkWorkToConcept',
      () => linkWorkToConcept(db, by, 'wasserstein-gan', 'elastic-weight-consolidation', source),
      () => removeConceptLink(db, removal, 'wasserstein-gan', 'elastic-weight-consolidation'),
    ],
    [
      'removeConceptLink',
      () => removeConceptLink(db, removal, 'paper-overcoming-catastrophic-forgetting', 'elastic-weight-consolidation'),
      () => linkWorkToConcept(db, by, 'paper-overcoming-catastrophic-forgetting', 'elastic-weight-consolidation', source),
    ],
    [
      'addReference',
      () => addReference(db, by, 'wasserstein-gan', 'paper-overcoming-catastrophic-forgetting', 'RELATED', source),
      () => removeReference(db, removal, 'wasserstein-gan', 'paper-overcoming-catastrophic-forgetting', 'RELATED'),
    ],
  ] as const)(
    '%s makes stale every concept list it changes, never served, and a refresh brings them back',
    async (_name, write, undo) => {
      const concepts = await conceptIds();
      // Lists in use (as after a rebuild), every missing one computed.
      await db.write('similarity/use-lists', { now: Date.now() });
      await refreshSimilarity(db);
      const before = await rankings(concepts);
      await write();
      try {
        const after = await rankings(concepts);
        const changed = concepts.filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
        expect(changed.length, 'the write changes some ranking').toBeGreaterThan(0);
        const fresh = await freshness();
        expect(
          changed.filter((id) => fresh.get(id)),
          'lists still served though their ranking changed',
        ).toEqual([]);
        for (const id of changed) {
          const answer = await rankedRelatedToConcept(db, id, 10);
          expect(answer.computedAt, id).toBeNull();
          expect(ids(answer.works), id).toEqual(ids(await relatedToConceptOnTheFly(db, id, 10)));
        }
        const refreshed = await refreshSimilarity(db);
        expect(refreshed.concepts ?? 0).toBeGreaterThanOrEqual(changed.length);
        for (const id of changed) await expectListedAsOnTheFly(id);
      } finally {
        await undo();
        await refreshSimilarity(db);
      }
    },
    300_000,
  );

  it('says when the answer was computed, through the API', async () => {
    await refreshSimilarity(db);
    const result = await helper.request('{ relatedToConcept(concept: "Lipschitz constraint", first: 3) { computedAt } }');
    expect(result.errors).toBeUndefined();
    expect(Date.parse(result.data.relatedToConcept[0].computedAt)).toBeGreaterThan(Date.now() - 600_000);
  });
});

describe('on a 1,000-paper synthetic pack', () => {
  const generated = generatePack(1000);
  let before: string[] = [];

  beforeAll(async () => {
    before = await nodesNow(db);
    await clearLists(db);
    await loadPack(db, await parsePack('synthetic-1000.yaml', generated.yaml, async () => Buffer.from(generated.notes)));
  }, 600_000);
  afterAll(async () => {
    await clearLists(db);
    await removeNodesAddedSince(db, before);
  });

  it('reads every concept’s answer from its list as the statement ranks it', async () => {
    const concepts = await conceptIds();
    const rebuilt = await refreshSimilarity(db, { all: true, since: Date.now() });
    expect(rebuilt.concepts).toBe(concepts.length);
    for (const id of concepts) await expectListedAsOnTheFly(id);
  }, 900_000);
});
