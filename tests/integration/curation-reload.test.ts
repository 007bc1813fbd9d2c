/**
 * Curation survives a reload of the pack: re-seeding keeps a curator's title, source and removed
 * links and reports where the pack disagrees; --overwrite-curated (overwriteCurated) is the only
 * way to drop them, and it reports what it dropped.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, seedPackFiles } from '../../src/ingest/seed.js';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('curation-reload');
const { db } = helper;
const paper = 'paper-mcgan';
const packTitle = 'McGan: Mean and Covariance Feature Matching GAN';
const curatedTitle = 'McGan: Mean and Covariance Feature Matching GAN (curated)';
const removedConcept = 'integral-probability-metric';
const removedReference = { type: 'CITES', to: 'paper-towards-principled-methods-for-training-gans' };
const merged = 'image-compression';
const person = 'aaron-courville';
let started: string;
/** The pack link the second test sources again. */
let resourced: string;

const mergedInto = () => helper.id('compression');
const one = async (query: string, params: Record<string, unknown> = {}) => (await db.runText(query, params, 'READ'))[0]!;
const titleOf = async () => (await one('MATCH (p:Paper {id: $paper}) RETURN p.title AS title', { paper })).title;
const hasLink = async () =>
  (
    await one('RETURN EXISTS { (:Paper {id: $paper})-[:DISCUSSES]->(:Concept {id: $concept}) } AS linked', {
      paper,
      concept: removedConcept,
    })
  ).linked;
const hasReference = async () =>
  (await one('RETURN EXISTS { (:Paper {id: $paper})-[:CITES]->(:Paper {id: $to}) } AS linked', { paper, to: removedReference.to })).linked;

async function curate(query: string, variables: Record<string, unknown>) {
  const result = await helper.requestAsCurator(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

beforeAll(async () => {
  started = new Date().toISOString();
  expect(await titleOf()).toBe(packTitle);
  expect(await hasLink()).toBe(true);
  expect(await hasReference()).toBe(true);
  await curate('mutation($id: String, $title: String!) { upsertPaper(id: $id, title: $title) { title } }', {
    id: paper,
    title: curatedTitle,
  });
  await curate('mutation($w: ID!, $c: ID!) { removeConceptLink(work: $w, concept: $c, reason: "not what the notes say") }', {
    w: paper,
    c: removedConcept,
  });
  await curate('mutation($f: ID!, $t: ID!) { removeReference(from: $f, to: $t, type: CITES) }', { f: paper, t: removedReference.to });
  await curate('mutation($id: String, $name: String!) { upsertPerson(id: $id, name: $name, affiliation: "Mila") { name } }', {
    id: person,
    name: 'Aaron Courville',
  });
  // A pack concept folded into a curator's own.
  await curate(
    'mutation($id: String, $name: String!) { upsertConcept(id: $id, name: $name, definition: "Compression learned end to end.") { slug } }',
    {
      id: mergedInto(),
      name: `${mergedInto()} name`,
    },
  );
  await curate('mutation($k: ID!, $r: ID!) { mergeConcepts(keep: $k, remove: $r) { slug } }', { k: mergedInto(), r: merged });
});

afterAll(async () => {
  try {
    // Back to exactly what the pack says, without the marks this file's curation left.
    await seed(db, seedPackFiles(), { overwriteCurated: true });
    await db.runText(
      'MATCH (n:Entity) WHERE n.id IN [$paper, $person] REMOVE n.updatedBy, n.updatedAt, n.curatedFields, n.removedConcepts, n.removedReferences, n.affiliation',
      { paper, person },
    );
    await db.runText(
      "MATCH (c:Change {by: 'alice'}) WHERE c.at >= datetime($started) AND (c.target STARTS WITH $paper OR c.target = $person OR c.action = 'importPack') DELETE c",
      {
        paper,
        person,
        started,
      },
    );
  } finally {
    await helper.close();
  }
});

describe('a re-seed after curation', () => {
  it('keeps the curated title, the removed link and the removed reference, and reports each disagreement', async () => {
    const result = await seed(db);
    expect(await titleOf()).toBe(curatedTitle);
    expect(await hasLink()).toBe(false);
    expect(await hasReference()).toBe(false);
    expect(await one('MATCH (p:Person {id: $person}) RETURN p.affiliation AS affiliation', { person })).toEqual({ affiliation: 'Mila' });
    // The merged concept stays merged: its works discuss the curator's concept.
    const concepts = await one(
      'RETURN EXISTS { (:Concept {id: $merged}) } AS back, COUNT { (:Work)-[:DISCUSSES]->(:Concept {id: $into}) } AS works',
      { merged, into: mergedInto() },
    );
    expect(concepts).toEqual({ back: false, works: 2 });
    expect(result!.curation.kept).toContainEqual(
      expect.objectContaining({ target: merged, field: 'mergedInto', curated: mergedInto(), pack: 'Learned image compression' }),
    );
    const kept = result!.curation.kept.filter((d) => d.target.startsWith(paper));
    expect(kept).toEqual([
      { target: paper, field: 'title', curated: curatedTitle, pack: packTitle, by: 'alice', at: expect.any(String) },
      {
        target: `${paper} DISCUSSES ${removedConcept}`,
        field: 'removed',
        curated: 'removed',
        pack: expect.stringMatching(/^icml-2017-notes:\d+: "/),
        by: 'alice',
        at: expect.any(String),
      },
      {
        target: `${paper} CITES ${removedReference.to}`,
        field: 'removed',
        curated: 'removed',
        pack: expect.stringMatching(/^icml-2017-notes:\d+: "/),
        by: 'alice',
        at: expect.any(String),
      },
    ]);
    expect(result!.curation.dropped).toEqual([]);
    // Who and when come from the curation log: the removal's own Change record.
    const removal = await one("MATCH (c:Change {action: 'removeConceptLink', target: $target}) RETURN toString(c.at) AS at", {
      target: `${paper} DISCUSSES ${removedConcept}`,
    });
    expect(kept[1]!.at).toBe(removal.at);
  });

  it("keeps a pack link a curator sourced again, with the curator's source, and reports the pack's", async () => {
    const [link] = await db.runText(
      'MATCH (:Paper {id: $paper})-[r:DISCUSSES]->(c:Concept) WHERE r.pack IS NOT NULL RETURN c.id AS concept LIMIT 1',
      { paper },
      'READ',
    );
    resourced = link!.concept as string;
    const url = 'https://arxiv.org/abs/1702.08398';
    await curate('mutation($w: ID!, $c: ID!, $s: SourceInput!) { linkWorkToConcept(work: $w, concept: $c, source: $s) { slug } }', {
      w: paper,
      c: link!.concept,
      s: { url, quote: 'mean and covariance feature matching' },
    });
    const result = await seed(db);
    const source = await one('MATCH (:Paper {id: $paper})-[r:DISCUSSES]->(:Concept {id: $c}) RETURN r.url AS url, r.curatedBy AS by', {
      paper,
      c: link!.concept,
    });
    expect(source).toEqual({ url, by: 'alice' });
    expect(result!.curation.kept).toContainEqual(
      expect.objectContaining({
        target: `${paper} DISCUSSES ${link!.concept}`,
        field: 'source',
        curated: `${url}: "mean and covariance feature matching"`,
      }),
    );
  });

  it('lists the disagreements in the importPack report too', async () => {
    const packFile = seedPackFiles().find((f) => f.includes('icml-2017'))!;
    const result = await curate(
      `mutation($pack: String!, $documents: [DocumentInput!]!) {
        importPack(pack: $pack, documents: $documents) { curation { kept { target field curated pack by } dropped { target } } }
      }`,
      {
        pack: readFileSync(packFile, 'utf8'),
        documents: [{ file: 'notes.txt', text: readFileSync(packFile.replace('pack.yaml', 'notes.txt'), 'utf8') }],
      },
    );
    expect(result.importPack.curation.dropped).toEqual([]);
    expect(result.importPack.curation.kept).toContainEqual({
      target: paper,
      field: 'title',
      curated: JSON.stringify(curatedTitle),
      pack: JSON.stringify(packTitle),
      by: 'alice',
    });
    expect(await titleOf()).toBe(curatedTitle);
  });

  it('with overwriteCurated, writes the pack over the curation and reports what it dropped', async () => {
    const result = await seed(db, seedPackFiles(), { overwriteCurated: true });
    expect(await titleOf()).toBe(packTitle);
    expect(await hasLink()).toBe(true);
    expect(await hasReference()).toBe(true);
    expect(result!.curation.kept).toEqual([]);
    expect(result!.curation.dropped).toContainEqual(
      expect.objectContaining({ target: merged, field: 'mergedInto', curated: mergedInto() }),
    );
    expect(await one('MATCH (c:Concept {id: $merged}) RETURN c.name AS name', { merged })).toEqual({ name: 'Learned image compression' });
    expect(await one('MATCH (c:Concept {id: $into}) RETURN c.mergedIds AS ids', { into: mergedInto() })).toEqual({ ids: [] });
    const dropped = result!.curation.dropped.filter((d) => d.target.startsWith(paper)).map((d) => `${d.target}.${d.field}`);
    expect(dropped.sort()).toEqual(
      [
        `${paper}.title`,
        `${paper} DISCUSSES ${removedConcept}.removed`,
        `${paper} DISCUSSES ${resourced}.source`,
        `${paper} CITES ${removedReference.to}.removed`,
      ].sort(),
    );
    // The marks are gone with the values: the next seed reports nothing.
    const marks = await one(
      'MATCH (p:Paper {id: $paper}) RETURN p.curatedFields AS fields, p.removedConcepts AS concepts, p.removedReferences AS refs',
      {
        paper,
      },
    );
    expect(marks).toEqual({ fields: null, concepts: null, refs: null });
    expect((await seed(db))!.curation).toEqual({ kept: [], dropped: [] });
  });
});
