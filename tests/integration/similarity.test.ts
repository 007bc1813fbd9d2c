/**
 * Precomputed related work (issue 16) on the seeded ICML 2017 graph: the lists rank as the
 * on-the-fly statement does (kept here as the reference), a write makes the lists it can change
 * stale so they are never served, a refresh brings them back, and a rebuild resumes. Then, with
 * a 1,000-paper synthetic pack loaded beside it (and removed after), the ranking in memory that
 * a rebuild uses gives every work the statement's top LIST_SIZE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePack } from '../../bench/generate.js';
import { linkWorkToConcept, removeConceptLink, upsertConcept, upsertTalk } from '../../src/db/curation.js';
import { migrate } from '../../src/db/migrate.js';
import { relatedWork } from '../../src/graph/ranking.js';
import { LIST_SIZE, rankedRelatedWork, refreshSimilarity } from '../../src/graph/similarity.js';
import { loadRankingGraph, RelatedWorkRanker, roundLikeCypher } from '../../src/graph/similarity-graph.js';
import { importRecords } from '../../src/ingest/import-records.js';
import { loadPack } from '../../src/ingest/load-pack.js';
import { parsePack } from '../../src/ingest/read-pack.js';
import type { RankedWork } from '../../src/model/rows.js';
import { scoreTuning } from '../../src/model/vocabulary.js';
import { seedPack } from '../eval/eval-set.js';
import { clearLists, nodesNow, removeNodesAddedSince, TestHelper } from './helpers.js';

const helper = new TestHelper('similarity');
const { db } = helper;
const pack = seedPack();
/** The works a list is kept on: talks, and papers no talk presents. */
const presented = new Set(pack.talks.flatMap((t) => (t.presents ? [t.presents] : [])));
const owners = [...pack.talks.map((t) => t.id), ...pack.papers.filter((p) => !presented.has(p.id)).map((p) => p.id)];

const ids = (works: { work: { id: unknown } }[]) => works.map((w) => w.work.id as string);
const scores = (works: { score: number }[]) => works.map((w) => Number(w.score.toFixed(9)));
/** Each result's reasons as kind, weight, seed and the nodes they go through, strongest first. */
const reasons = (works: RankedWork[]) =>
  works.map((w) =>
    w.reasons.map((r) => `${r.kind} ${r.weight.toFixed(9)} ${r.seed} ${r.direction} ${r.via.map((v) => v.id).join(',')}`).sort(),
  );

/** Expects the ranking in memory of `id` to be the statement's top LIST_SIZE (same works, same order, scores within 1e-9); returns the statement's. */
async function expectRankedInMemoryAsOnTheFly(ranker: RelatedWorkRanker, id: string): Promise<RankedWork[]> {
  const reference = await relatedWork(db, [id], [], LIST_SIZE, false);
  const listed = ranker.rank(id, LIST_SIZE);
  expect(
    listed.map((item) => item.id),
    id,
  ).toEqual(ids(reference));
  listed.forEach((item, i) => {
    expect(Math.abs(item.score - reference[i]!.score), `${id}: ${item.id}`).toBeLessThan(1e-9);
  });
  return reference;
}

/** Refreshes, then expects each seed's list served (computedAt set) and ranked as on the fly. */
async function expectServedFreshAfterRefresh(seeds: string[]): Promise<void> {
  await refreshSimilarity(db);
  for (const seed of seeds) {
    const fresh = await rankedRelatedWork(db, [seed], [], LIST_SIZE);
    expect(fresh.computedAt, seed).not.toBeNull();
    expect(ids(fresh.works), seed).toEqual(ids(await relatedWork(db, [seed], [], LIST_SIZE)));
  }
}

beforeAll(async () => {
  await clearLists(db);
});
afterAll(async () => {
  await clearLists(db);
  await helper.close();
});

describe('precomputed related-work lists', () => {
  it('answers on the fly (computedAt null) while no list exists', async () => {
    const answer = await rankedRelatedWork(db, ['wasserstein-gan'], [], 10);
    expect(answer.computedAt).toBeNull();
    expect(ids(answer.works)).toEqual(ids(await relatedWork(db, ['wasserstein-gan'], [], 10)));
  });

  it('a rebuild stopped half way resumes where it stopped', async () => {
    const since = Date.now();
    const first = await refreshSimilarity(db, { all: true, since, atMost: 30 });
    expect(first.computed).toBe(30);
    const rest = await refreshSimilarity(db, { all: true, since });
    expect(first.computed + rest.computed).toBe(owners.length);
    // Nothing is left to do: every list is fresh.
    expect((await refreshSimilarity(db)).computed).toBe(0);
    const [row] = await db.runText(
      'MATCH (w:Work) WHERE w.similarAt IS NOT NULL RETURN count(w) AS lists, max(COUNT { (w)-[:HAS_SIMILAR]->() }) AS nodes, ' +
        'max(COLLECT { MATCH (w)-[:HAS_SIMILAR]->(l) RETURN size(l.ids) }[0]) AS longest',
    );
    expect(row!.lists).toBe(owners.length);
    expect(row!.nodes).toBe(1);
    expect(row!.longest).toBeLessThanOrEqual(LIST_SIZE);
    expect(row!.longest).toBeGreaterThan(10);
  });

  it('ranks every work as the on-the-fly statement does, with the same scores', async () => {
    for (const id of owners) {
      const listed = await rankedRelatedWork(db, [id], [], 10);
      const reference = await relatedWork(db, [id], [], 10);
      expect(listed.computedAt, id).not.toBeNull();
      expect(ids(listed.works), id).toEqual(ids(reference));
      expect(scores(listed.works), id).toEqual(scores(reference));
      expect(reasons(listed.works), id).toEqual(reasons(reference));
    }
  });

  it('ranks several seeds as on the fly, for the seed pairs of the evaluation set', async () => {
    const seeds: string[][] = [
      ['wasserstein-gan', 'mcgan-mean-and-covariance-feature-matching-gan'],
      ['continual-learning-through-synaptic-intelligence', 'paper-overcoming-catastrophic-forgetting'],
      ['wasserstein-gan', 'generalization-and-equilibrium-in-gans', 'learning-to-discover-cross-domain-relations-with-gans'],
    ];
    for (const to of seeds) {
      const listed = await rankedRelatedWork(db, to, [], 10);
      expect(listed.computedAt).not.toBeNull();
      expect(ids(listed.works), to.join(' + ')).toEqual(ids(await relatedWork(db, to, [], 10)));
    }
  });

  it('never serves a list a finished write has made wrong, and serves it again once refreshed', async () => {
    const work = 'wasserstein-gan';
    const concept = pack.concepts.find((c) => c.id === 'elastic-weight-consolidation')!.id;
    const sharing = 'paper-overcoming-catastrophic-forgetting'; // discusses EWC: its list can change too
    // The Change records name the prefix in their source, so close() removes them.
    await linkWorkToConcept(db, 'alice', work, concept, { url: `https://example.org/${helper.prefix}`, quote: 'EWC, for the test' });
    try {
      for (const seed of [work, sharing]) {
        const stale = await rankedRelatedWork(db, [seed], [], 10);
        expect(stale.computedAt, `${seed} is served from a stale list`).toBeNull();
        expect(ids(stale.works)).toEqual(ids(await relatedWork(db, [seed], [], 10)));
      }
      const refreshed = await refreshSimilarity(db);
      expect(refreshed.computed).toBeGreaterThan(1);
      for (const seed of [work, sharing]) {
        const fresh = await rankedRelatedWork(db, [seed], [], 10);
        expect(fresh.computedAt).not.toBeNull();
        expect(ids(fresh.works)).toEqual(ids(await relatedWork(db, [seed], [], 10)));
      }
    } finally {
      await removeConceptLink(db, { by: 'alice', reason: `added by ${helper.prefix}` }, work, concept);
    }
    expect((await rankedRelatedWork(db, [work], [], 10)).computedAt).toBeNull();
  });

  it('a write that removes a link makes stale the lists related through it (a talk moved to another session)', async () => {
    // Two talks of this file's own, related only by their session: once one leaves it, the
    // session no longer leads from it to the other, whose list named it for that session.
    const day = 'icml-2017-day-2';
    const [from, to] = ['icml-2017-day-2-session-2-deep-generative-models-2', 'icml-2017-day-2-session-1-deep-generative-models-1'];
    const source = { url: `https://example.org/${helper.prefix}`, quote: 'a talk for the test' };
    const talk = (id: string, session: string) => ({ id: helper.id(id), title: `${helper.prefix} ${id}`, kind: 'TALK', day, session });
    await upsertTalk(db, 'alice', talk('moving', from), source);
    await upsertTalk(db, 'alice', talk('staying', from), source);
    await refreshSimilarity(db);
    const staying = helper.id('staying');
    const before = await rankedRelatedWork(db, [staying], [], LIST_SIZE);
    expect(before.computedAt).not.toBeNull();
    expect(ids(before.works)).toContain(helper.id('moving'));
    await upsertTalk(db, 'alice', talk('moving', to), source);
    const after = await rankedRelatedWork(db, [staying], [], LIST_SIZE);
    expect(after.computedAt, 'the list still naming the talk that left is served').toBeNull();
    expect(ids(after.works)).not.toContain(helper.id('moving'));
    await refreshSimilarity(db);
    expect((await rankedRelatedWork(db, [staying], [], LIST_SIZE)).computedAt).not.toBeNull();
    await helper.removeOwnData();
    // The lists that named the removed talks are computed again (raw Cypher removed them, not a write that marks).
    await db.write('similarity/mark-all-stale');
    await refreshSimilarity(db);
  });

  it('a write labels due the works it made stale directly, marks the concepts it changed, and the refresh spreads those and leaves nothing due', async () => {
    await refreshSimilarity(db, { all: true });
    const state = async () =>
      (
        await db.runText<{ stale: string[]; due: string[]; changed: string[] }>(
          `MATCH (w:Work) WHERE NOT EXISTS { (:Talk)-[:PRESENTS]->(w) }
           WITH collect(CASE WHEN coalesce(w.similarEpoch, 0) <> w.similarBuiltEpoch THEN w.id END) AS stale,
                collect(CASE WHEN w:SimilarDue THEN w.id END) AS due
           RETURN stale, due, COLLECT { MATCH (c:SimilarChanged) RETURN c.id } AS changed`,
        )
      )[0]!;
    const unserved = async () =>
      (await db.read<{ id: string; fresh: boolean }>('similarity/lists', { ids: owners })).filter((l) => !l.fresh).map((l) => l.id);
    expect(await state()).toEqual({ stale: [], due: [], changed: [] });
    expect(await unserved()).toEqual([]);
    const [work, concept, sharing] = ['wasserstein-gan', 'elastic-weight-consolidation', 'paper-overcoming-catastrophic-forgetting'];
    await linkWorkToConcept(db, 'alice', work, concept, { url: `https://example.org/${helper.prefix}`, quote: 'EWC, for the label test' });
    try {
      const marked = await state();
      // The work itself, directly; the work sharing the concept with it, through the concept's change number.
      expect(marked.stale).toContain(work);
      expect(marked.stale).not.toContain(sharing);
      expect([...marked.due].sort()).toEqual([...marked.stale].sort());
      // The concept of the new link only: the work's other links are as they were.
      expect(marked.changed).toEqual([concept]);
      const notServed = await unserved();
      expect(notServed).toContain(work);
      expect(notServed).toContain(sharing);
      // A refresh bounded as the part a mutation waits for computes only what the write marked directly.
      const bounded = await refreshSimilarity(db, { atMost: marked.stale.length });
      expect(bounded.computed).toBe(marked.stale.length);
      expect((await state()).changed).toContain(concept);
      expect(await unserved()).toContain(sharing);
      const refreshed = await refreshSimilarity(db);
      expect(refreshed.computed).toBeGreaterThanOrEqual(notServed.length - marked.stale.length);
      expect(await state()).toEqual({ stale: [], due: [], changed: [] });
      expect(await unserved()).toEqual([]);
      const fresh = await rankedRelatedWork(db, [sharing], [], 10);
      expect(ids(fresh.works)).toEqual(ids(await relatedWork(db, [sharing], [], 10)));
    } finally {
      await removeConceptLink(db, { by: 'alice', reason: `added by ${helper.prefix}` }, work, concept);
      await refreshSimilarity(db);
    }
  });

  it('a concept newly discussed makes stale the lists of the works of its neighbours, hubs included', async () => {
    // With hubs at 4 works, "generative-adversarial-network" (8 works) gives no reason of its own,
    // but its small neighbour "cyclegan" (2 works) is a neighbouring concept of all eight: a work
    // newly discussing cyclegan becomes related to them, and cyclegan's degree re-weighs it.
    const hubLimit = scoreTuning.hubLimit;
    const [hub, small, work] = ['generative-adversarial-network', 'cyclegan', 'paper-overcoming-catastrophic-forgetting'];
    scoreTuning.hubLimit = 4;
    try {
      await refreshSimilarity(db, { all: true });
      await linkWorkToConcept(db, 'alice', work, small, { url: `https://example.org/${helper.prefix}`, quote: 'CycleGAN, for the test' });
      try {
        const seeds = (
          await db.runText<{ id: string }>(
            `MATCH (:Concept {id: $hub})<-[:DISCUSSES]-(w:Work) WHERE NOT (w)-[:DISCUSSES]->(:Concept {id: $small})
             RETURN coalesce(COLLECT { MATCH (t:Talk)-[:PRESENTS]->(w) RETURN t.id ORDER BY t.id LIMIT 1 }[0], w.id) AS id`,
            { hub, small },
          )
        ).map((row) => row.id);
        expect(seeds.length).toBeGreaterThan(2);
        // The write marks them through cyclegan's change number, not one by one.
        const due = (await db.runText<{ id: string }>('MATCH (w:SimilarDue) RETURN w.id AS id')).map((row) => row.id);
        expect(seeds.filter((seed) => !due.includes(seed)).length).toBeGreaterThan(0);
        let relatedNow = 0;
        for (const seed of seeds) {
          const reference = await relatedWork(db, [seed], [], LIST_SIZE);
          if (ids(reference).includes(work)) relatedNow++;
          const served = await rankedRelatedWork(db, [seed], [], LIST_SIZE);
          expect(served.computedAt, `${seed}: a list the write changed is served`).toBeNull();
        }
        // The write did change their rankings: the work is related to them through cyclegan now.
        expect(relatedNow).toBeGreaterThan(0);
        await expectServedFreshAfterRefresh(seeds);
      } finally {
        await removeConceptLink(db, { by: 'alice', reason: `added by ${helper.prefix}` }, work, small);
      }
    } finally {
      scoreTuning.hubLimit = hubLimit;
      await refreshSimilarity(db, { all: true });
    }
  });

  it('a concept newly related to a hub makes stale the lists of the hub’s works', async () => {
    // With hubs at 4 works, a small concept newly RELATED_TO "generative-adversarial-network"
    // becomes a neighbouring concept of the hub's eight works: their rankings change, though the
    // write names the small concept only.
    const hubLimit = scoreTuning.hubLimit;
    const hub = 'generative-adversarial-network';
    scoreTuning.hubLimit = 4;
    try {
      await refreshSimilarity(db, { all: true });
      const [small] = await db.runText<{ id: string; name: string; before: Record<string, unknown> }>(
        `MATCH (y:Concept), (hub:Concept {id: $hub})
         WHERE NOT (y)-[:RELATED_TO|BROADER]-(hub) AND y <> hub AND COUNT { (y)<-[:DISCUSSES]-() } IN [2, 3]
           AND NOT EXISTS { (y)<-[:DISCUSSES]-(:Work)-[:DISCUSSES]->(hub) }
         RETURN y.id AS id, y.name AS name, properties(y) AS before ORDER BY y.id LIMIT 1`,
        { hub },
      );
      expect(small).toBeDefined();
      const seeds = (
        await db.runText<{ id: string }>(
          `MATCH (:Concept {id: $hub})<-[:DISCUSSES]-(w:Work)
           RETURN DISTINCT coalesce(COLLECT { MATCH (t:Talk)-[:PRESENTS]->(w) RETURN t.id ORDER BY t.id LIMIT 1 }[0], w.id) AS id`,
          { hub },
        )
      ).map((row) => row.id);
      const before = new Map<string, string[]>();
      for (const seed of seeds) before.set(seed, ids(await relatedWork(db, [seed], [], LIST_SIZE)));
      await upsertConcept(
        db,
        'alice',
        { id: small!.id, name: small!.name, related: [hub] },
        { url: `https://example.org/${helper.prefix}`, quote: 'related, for the test' },
      );
      try {
        let changed = 0;
        for (const seed of seeds) {
          if (ids(await relatedWork(db, [seed], [], LIST_SIZE)).join() !== before.get(seed)!.join()) changed++;
          expect((await rankedRelatedWork(db, [seed], [], LIST_SIZE)).computedAt, `${seed}: a list the write changed is served`).toBeNull();
        }
        expect(changed).toBeGreaterThan(0);
        await expectServedFreshAfterRefresh(seeds);
      } finally {
        await db.runText(
          'MATCH (y:Concept {id: $small})-[r:RELATED_TO]-(:Concept {id: $hub}) DELETE r WITH DISTINCT 1 AS one MATCH (y:Concept {id: $small}) SET y = $before',
          { small: small!.id, hub, before: small!.before },
        );
      }
    } finally {
      scoreTuning.hubLimit = hubLimit;
      await db.write('similarity/mark-all-stale');
      await refreshSimilarity(db, { all: true });
    }
  });

  it('a store whose stale and missing lists are not labelled (from before the label) has them labelled and computed by the first refresh', async () => {
    await refreshSimilarity(db, { all: true });
    const [stale, missing] = ['wasserstein-gan', 'generalization-and-equilibrium-in-gans'];
    // As an older version left a store: one list stale, one missing, no label, no record of labelling.
    await db.runText('MATCH (w:Work {id: $stale}) SET w.similarEpoch = coalesce(w.similarEpoch, 0) + 1', { stale });
    await db.runText(
      'MATCH (w:Work {id: $missing})-[:HAS_SIMILAR]->(l) DETACH DELETE l WITH DISTINCT 1 AS one MATCH (w:Work {id: $missing}) REMOVE w.similarAt',
      {
        missing,
      },
    );
    await db.runText('MATCH (w:SimilarDue) REMOVE w:SimilarDue');
    await db.runText('MATCH (b:SimilarityBuild) REMOVE b.dueLabelled');
    expect((await refreshSimilarity(db)).computed).toBe(2);
    for (const seed of [stale, missing]) {
      const fresh = await rankedRelatedWork(db, [seed], [], 10);
      expect(fresh.computedAt, seed).not.toBeNull();
      expect(ids(fresh.works), seed).toEqual(ids(await relatedWork(db, [seed], [], 10)));
    }
    // Recorded: the next refresh reads the label only.
    const [build] = await db.runText('MATCH (b:SimilarityBuild) RETURN b.dueLabelled AS labelled');
    expect(build!.labelled).toBe(true);
    expect((await refreshSimilarity(db)).computed).toBe(0);
  });

  it('lists stored as SIMILAR relationships by earlier versions are removed at start-up, and computed again', async () => {
    await refreshSimilarity(db, { all: true });
    const work = 'wasserstein-gan';
    await db.runText(
      'MATCH (w:Work {id: $work})-[:HAS_SIMILAR]->(l:SimilarList) DETACH DELETE l WITH DISTINCT 1 AS one ' +
        'MATCH (w:Work {id: $work}), (o:Work) WHERE o.id IN $others CREATE (w)-[:SIMILAR {score: 1.0, rank: 1}]->(o)',
      { work, others: ['mcgan-mean-and-covariance-feature-matching-gan', 'generalization-and-equilibrium-in-gans'] },
    );
    await migrate(db);
    const [left] = await db.runText<{ n: number; listed: boolean }>(
      'MATCH (w:Work {id: $work}) RETURN COUNT { ()-[:SIMILAR]->() } AS n, w.similarAt IS NOT NULL AS listed',
      { work },
    );
    expect(left).toEqual({ n: 0, listed: false });
    expect((await rankedRelatedWork(db, [work], [], 10)).computedAt).toBeNull();
    expect((await refreshSimilarity(db)).computed).toBe(1);
    const fresh = await rankedRelatedWork(db, [work], [], 10);
    expect(fresh.computedAt).not.toBeNull();
    expect(ids(fresh.works)).toEqual(ids(await relatedWork(db, [work], [], 10)));
  });

  it('a curation mutation through the API computes the lists it made stale again, the rest right after its answer', async () => {
    await refreshSimilarity(db, { all: true });
    const work = 'wasserstein-gan';
    const sharing = 'paper-overcoming-catastrophic-forgetting';
    const link = await helper.requestAsCurator(
      `mutation($source: SourceInput!) { linkWorkToConcept(work: "${work}", concept: "elastic-weight-consolidation", source: $source) { slug } }`,
      { source: { url: `https://example.org/${helper.prefix}`, quote: 'EWC, for the API test' } },
    );
    expect(link.errors).toBeUndefined();
    try {
      // The server computes them in the background (src/server/similarity-refresh.ts): no refresh here.
      for (const seed of [work, sharing]) {
        await expect
          .poll(async () => (await rankedRelatedWork(db, [seed], [], 10)).computedAt, { timeout: 120_000, interval: 500 })
          .not.toBeNull();
      }
      for (const seed of [work, sharing]) {
        const fresh = await rankedRelatedWork(db, [seed], [], 10);
        expect(fresh.computedAt, seed).not.toBeNull();
        expect(ids(fresh.works), seed).toEqual(ids(await relatedWork(db, [seed], [], 10)));
      }
      // Computed again, not merely left as they were: the new shared concept shows.
      const list = await rankedRelatedWork(db, [work], [], LIST_SIZE);
      expect(list.computedAt).not.toBeNull();
      expect(ids(list.works)).toContain(sharing);
    } finally {
      await removeConceptLink(db, { by: 'alice', reason: `added by ${helper.prefix}` }, work, 'elastic-weight-consolidation');
      await refreshSimilarity(db);
    }
  }, 300_000);

  it('an import makes the lists of the works it relates to stale, and computes the new work’s list', async () => {
    await refreshSimilarity(db);
    const record = {
      id: '2612.00001',
      title: `${helper.prefix} critics with gradient penalties`,
      authors: 'Martin Arjovsky',
      authors_parsed: [['Arjovsky', 'Martin', '']],
      abstract: 'A test record by an author of Wasserstein GAN.',
      categories: 'cs.LG',
      doi: null,
      versions: [{ version: 'v1', created: 'Mon, 1 Jan 2026 00:00:00 GMT' }],
    };
    const report = await importRecords(db, [{ name: 'similarity.jsonl', text: JSON.stringify(record) }], { format: 'arxiv' });
    try {
      expect(report.worksCreated).toBe(1);
      // Wasserstein GAN shares its author with the new work: its list is no longer served.
      expect((await rankedRelatedWork(db, ['wasserstein-gan'], [], 10)).computedAt).toBeNull();
      await refreshSimilarity(db);
      const fresh = await rankedRelatedWork(db, ['wasserstein-gan'], [], 10);
      expect(fresh.computedAt).not.toBeNull();
      expect(ids(fresh.works)).toEqual(ids(await relatedWork(db, ['wasserstein-gan'], [], 10)));
      const [created] = await db.runText('MATCH (p:Paper) WHERE p.title = $title RETURN p.similarAt IS NOT NULL AS listed', {
        title: record.title,
      });
      expect(created!.listed).toBe(true);
    } finally {
      await db.write('import/rollback', { import: report.importId });
    }
  });

  it('says when the answer was computed, through the API', async () => {
    await refreshSimilarity(db);
    const result = await helper.request('{ relatedWork(to: ["wasserstein-gan"], first: 3) { computedAt work { ... on Talk { title } } } }');
    expect(result.errors).toBeUndefined();
    const [first] = result.data.relatedWork;
    expect(Date.parse(first.computedAt)).toBeGreaterThan(Date.now() - 600_000);
    // Deeper than a list: on the fly.
    const deep = await helper.request('{ relatedWork(to: ["wasserstein-gan"], first: 60) { computedAt } }');
    expect(deep.data.relatedWork[0].computedAt).toBeNull();
  });
});

describe('bibliographic coupling and co-citation, from imported citations', () => {
  // A tiny OpenAlex import, no authors and no words the pack's concepts match: its works share
  // nothing but citations. A cites R (cited by A and B only) and H (cited by A, C and 8 fillers);
  // K cites X and Y only, L cites X, Z and the 8 fillers.
  const base = 9_700_000_000 + (Date.now() % 1_000_000) * 100;
  const names = ['R', 'H', 'A', 'B', 'C', 'X', 'Y', 'Z', 'K', 'L', ...Array.from({ length: 8 }, (_, i) => `G${i + 1}`)];
  const openalex = (name: string) => `https://openalex.org/W${base + names.indexOf(name)}`;
  const fillers = names.filter((n) => n.startsWith('G'));
  const cites: Record<string, string[]> = {
    A: ['R', 'H'],
    B: ['R'],
    C: ['H'],
    ...Object.fromEntries(fillers.map((g) => [g, ['H']])),
    K: ['X', 'Y'],
    L: ['X', 'Z', ...fillers],
  };
  const title = (name: string) => `${helper.prefix} bibliometric fixture ${name}`;
  const work: Record<string, string> = {};
  let importId = '';

  beforeAll(async () => {
    const text = names
      .map((name) =>
        JSON.stringify({
          id: openalex(name),
          title: title(name),
          publication_year: 2031,
          referenced_works: (cites[name] ?? []).map(openalex),
        }),
      )
      .join('\n');
    const report = await importRecords(db, [{ name: 'bibliometric.jsonl', text }], { format: 'openalex' });
    importId = report.importId;
    expect(report).toMatchObject({ worksCreated: names.length, citesCreated: 2 + 1 + 1 + 8 + 2 + 10 });
    const rows = await db.runText<{ id: string; title: string }>(
      'MATCH (p:Paper) WHERE p.title STARTS WITH $prefix RETURN p.id AS id, p.title AS title',
      {
        prefix: helper.prefix,
      },
    );
    for (const row of rows) work[row.title.split(' ').at(-1)!] = row.id;
  });
  afterAll(async () => {
    if (importId) await db.write('import/rollback', { import: importId });
  });

  const reasonsOf = (ranked: RankedWork[], name: string) => ranked.find((r) => r.work.id === work[name])?.reasons ?? [];

  // [case, kind, seed, the result related through a rare node, that node, the result related through a hub, the hub]
  it.each([
    [
      'two works that only cite the same paper: a rare one (R, 2 citing works) more than a common one (H, 10)',
      'BIBLIOGRAPHIC_COUPLING',
      'A',
      'B',
      'R',
      'C',
      'H',
    ],
    ['two works a third one cites: more when it cites 2 works (K) than 10 (L)', 'CO_CITATION', 'X', 'Y', 'K', 'Z', 'L'],
  ] as const)('relates %s', async (_case, kind, seed, rare, rareVia, common, hub) => {
    const ranked = await relatedWork(db, [work[seed]!], [], 20);
    for (const [name, via, degree] of [
      [rare, rareVia, 2],
      [common, hub, 10],
    ] as const) {
      // Nothing but this reason relates them: no concept, person or session in common.
      expect(
        reasonsOf(ranked, name).map((r) => [r.kind, r.via.map((v) => v.id)]),
        name,
      ).toEqual([[kind, [work[via]]]]);
      expect(reasonsOf(ranked, name)[0]!.weight, name).toBeCloseTo(0.5 / Math.log(degree), 9);
    }
    const at = (name: string) => ranked.findIndex((r) => r.work.id === work[name]);
    expect(at(rare)).toBeGreaterThanOrEqual(0);
    expect(at(rare)).toBeLessThan(at(common));
    // The source is the result's citation (of the shared paper, or by the citing work) as the record states it.
    const cited = kind === 'CO_CITATION' ? rare : rareVia;
    expect(reasonsOf(ranked, rare)[0]!.source).toMatchObject({
      document: 'bibliometric.jsonl',
      field: 'referenced_works',
      quote: `openalex:W${base + names.indexOf(cited)}`,
    });
  });

  it('explains them through the API, with the citing or cited work and the record behind it', async () => {
    const answer = await helper.data(
      `{ relatedWork(to: ["${work.X}"], first: 3) { work { title } reasons { kind description nodes { __typename ... on Paper { title } } source { record field quote } } } }`,
    );
    // K and L cite X (CITES, 1.5 each), then Y.
    const y = answer.relatedWork.find((r: { work: { title: string } }) => r.work.title === title('Y'));
    expect(y.reasons).toEqual([
      {
        kind: 'CO_CITATION',
        description: `Cited together with it by “${title('K')}”`,
        nodes: [{ __typename: 'Paper', title: title('K') }],
        source: {
          record: openalex('K').replace('https://openalex.org/', ''),
          field: 'referenced_works',
          quote: `openalex:W${base + names.indexOf('Y')}`,
        },
      },
    ]);
  });

  it('ranks them alike from the lists, in memory and on the fly', async () => {
    await refreshSimilarity(db, { all: true });
    const seeds = [work.A!, work.X!, work.H!, work.L!];
    for (const id of seeds) {
      const listed = await rankedRelatedWork(db, [id], [], 10);
      const reference = await relatedWork(db, [id], [], 10);
      expect(listed.computedAt, id).not.toBeNull();
      expect(ids(listed.works), id).toEqual(ids(reference));
      expect(reasons(listed.works), id).toEqual(reasons(reference));
    }
    const both = await rankedRelatedWork(db, [work.A!, work.X!], [], 10);
    expect(reasons(both.works)).toEqual(reasons(await relatedWork(db, [work.A!, work.X!], [], 10)));
    const ranker = new RelatedWorkRanker(await loadRankingGraph(db));
    for (const id of Object.values(work)) await expectRankedInMemoryAsOnTheFly(ranker, id);
  });

  it('a new citation makes stale the lists whose coupling or co-citation it re-weighs', async () => {
    // Lists of the fixture are fresh (the test above). N cites R: R's citing works (A, B) now weigh
    // their coupling 0.5 / ln 3, though neither is linked to N.
    for (const name of ['A', 'B']) expect((await rankedRelatedWork(db, [work[name]!], [], 10)).computedAt, name).not.toBeNull();
    const record = {
      id: `https://openalex.org/W${base + 99}`,
      title: title('N'),
      publication_year: 2031,
      referenced_works: [openalex('R'), openalex('Y')],
    };
    const report = await importRecords(db, [{ name: 'bibliometric-more.jsonl', text: JSON.stringify(record) }], { format: 'openalex' });
    try {
      expect(report.citesCreated).toBe(2);
      for (const name of ['A', 'B']) expect((await rankedRelatedWork(db, [work[name]!], [], 10)).computedAt, name).toBeNull();
      await refreshSimilarity(db);
      const fresh = await rankedRelatedWork(db, [work.A!], [], 10);
      expect(fresh.computedAt).not.toBeNull();
      expect(reasons(fresh.works)).toEqual(reasons(await relatedWork(db, [work.A!], [], 10)));
      expect(reasonsOf(fresh.works, 'B')[0]!.weight).toBeCloseTo(0.5 / Math.log(3), 9);
    } finally {
      await db.write('import/rollback', { import: report.importId });
    }
  });
});

describe('the ranking in memory (full rebuilds), against the statement', () => {
  const generated = generatePack(1000);
  /** Every node before the synthetic pack: the ones to keep when it is removed. */
  let before: string[] = [];
  let synthetic: string[] = [];

  beforeAll(async () => {
    before = await nodesNow(db);
    await clearLists(db);
    const loaded = await parsePack('synthetic-1000.yaml', generated.yaml, async () => Buffer.from(generated.notes));
    const shown = new Set(loaded.pack.talks.flatMap((t) => (t.presents ? [t.presents] : [])));
    synthetic = [...loaded.pack.talks.map((t) => t.id), ...loaded.pack.papers.filter((p) => !shown.has(p.id)).map((p) => p.id)];
    await loadPack(db, loaded);
  }, 600_000);
  afterAll(async () => {
    await clearLists(db);
    await removeNodesAddedSince(db, before);
  });

  it('rounds scores as Cypher’s round(x, 9) does', async () => {
    const xs = [
      0.0000000005,
      0.00000000049999,
      1.0000000015,
      1.0000000025,
      2.9999999995,
      0.1 + 0.2,
      1 / 3,
      2 / 3,
      1e-12,
      123.4567890125,
      2.0000000004999,
      1.999999999500001,
      0.7213475204444817,
      3.2000000000000006,
      5e-10,
      1.5e-9,
      4.5e-9,
    ];
    const [row] = await db.runText<{ rounded: number[] }>('RETURN [x IN $xs | round(x, 9)] AS rounded', { xs }, 'READ');
    expect(xs.map((x) => roundLikeCypher(x, 9))).toEqual(row!.rounded);
  });

  it('gives every work of both packs the statement’s top LIST_SIZE: same works, same order, scores within 1e-9', async () => {
    const ranker = new RelatedWorkRanker(await loadRankingGraph(db));
    const works = [...owners, ...synthetic];
    let tied = 0;
    for (const id of works) {
      const reference = await expectRankedInMemoryAsOnTheFly(ranker, id);
      tied += reference.filter((r, i) => i > 0 && r.score.toFixed(9) === reference[i - 1]!.score.toFixed(9)).length;
    }
    // The order of equal scores (by title, then id) is exercised, not only the scores.
    expect(tied).toBeGreaterThan(1000);
  }, 900_000);

  it('a full rebuild computes the lists in memory, in a handful of statements, and stores those lists', async () => {
    const ranker = new RelatedWorkRanker(await loadRankingGraph(db));
    const trips = db.roundTrips;
    const rebuilt = await refreshSimilarity(db, { all: true, since: Date.now() });
    expect(rebuilt.computed).toBe(owners.length + synthetic.length);
    // The works' lists in a handful; then the concepts' lists, one statement each (src/graph/concept-lists.ts) and two per batch.
    expect(db.roundTrips - trips).toBeLessThan(20 + (rebuilt.concepts ?? 0) + 10);
    const stored = async () =>
      db.runText<{ id: string; ids: string[]; scores: number[]; list: string }>(
        'MATCH (w:Work)-[:HAS_SIMILAR]->(l:SimilarList) WHERE w.id IN $ids RETURN w.id AS id, l.ids AS ids, l.scores AS scores, elementId(l) AS list',
        { ids: [...owners, ...synthetic] },
        'READ',
      );
    const first = await stored();
    expect(first).toHaveLength(owners.length + synthetic.length);
    for (const list of first) {
      const ranked = ranker.rank(list.id, LIST_SIZE);
      expect(list.ids, list.id).toEqual(ranked.map((item) => item.id));
      expect(list.scores, list.id).toEqual(ranked.map((item) => item.score));
    }
    const fresh = await db.read<{ id: string; fresh: boolean }>('similarity/lists', { ids: [...owners, ...synthetic] });
    expect(fresh.filter((list) => !list.fresh)).toEqual([]);
    // Again on the same graph: every list comes out the same, on the same list node.
    const since = Date.now();
    expect((await refreshSimilarity(db, { all: true, since })).computed).toBe(rebuilt.computed);
    expect(await stored()).toEqual(expect.arrayContaining(first));
    expect(await stored()).toHaveLength(first.length);
    const [again] = await db.runText('MATCH (w:Work) WHERE w.similarAt >= $since RETURN count(w) AS lists', { since });
    expect(again!.lists).toBe(owners.length + synthetic.length);
  }, 600_000);
});
