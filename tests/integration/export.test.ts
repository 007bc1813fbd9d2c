/**
 * Export and restore: the seeded graph with imported records and a curator's changes is exported
 * as a pack, the database emptied, the export loaded as `npm run import` loads a pack, and the
 * graph is the same (every node's labels and properties with their types, every relationship,
 * the counts) and exports to the same files. The graph as this file found it is exported first and
 * restored at the end the same way, with its embeddings computed again.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { embedChanged } from '../../src/embed/semantic.js';
import { exportPacks, readSnapshot, writeExport } from '../../src/ingest/export-pack.js';
import { importRecords } from '../../src/ingest/import-records.js';
import { graphCounts, loadPack } from '../../src/ingest/load-pack.js';
import { readPack } from '../../src/ingest/read-pack.js';
import { TestHelper } from './helpers.js';

const helper = new TestHelper('export');
const { db } = helper;
const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
let dir: string;

/** Everything but the derived (embeddings, related-work lists), one sorted line per node and relationship, property types included. */
async function fingerprint(database: Database): Promise<string[]> {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
          )
        : value;
  const nodes = await database.runText(
    `MATCH (n) WHERE NOT n:Embedding AND NOT n:SimilarityBuild AND NOT n:ImportReport
     WITH n, [k IN keys(n) WHERE NOT k IN ['similarAt', 'similarEpoch', 'similarBuiltEpoch', 'similarChange', 'similarChangeSeen', 'spreadAfter']] AS keys
     RETURN [l IN labels(n) WHERE NOT l IN ['SimilarDue', 'SimilarChanged', 'EmbeddingDue', 'EmbeddingQueued', 'NamesChanged']] AS labels,
            n {.*, similarAt: null, similarEpoch: null, similarBuiltEpoch: null, similarChange: null, similarChangeSeen: null, spreadAfter: null} AS properties,
            [k IN keys | k + ' ' + valueType(n[k])] AS types`,
    {},
    'READ',
  );
  const relationships = await database.runText(
    `MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['EMBEDS', 'SIMILAR']
     RETURN coalesce(a.id, a.key) AS from, type(r) AS type, coalesce(b.id, b.key) AS to, properties(r) AS properties,
            [k IN keys(r) | k + ' ' + valueType(r[k])] AS types`,
    {},
    'READ',
  );
  return [...nodes, ...relationships]
    .map((row) =>
      JSON.stringify(sorted({ ...row, labels: (row.labels as string[] | undefined)?.sort(), types: (row.types as string[]).sort() })),
    )
    .sort();
}

/** Counts apart from what an export leaves out: the embeddings (computed again) and the import reports (not restored). */
const withoutEmbeddings = (counts: { labels: Record<string, number>; relationships: Record<string, number> }) => {
  const { Embedding: _n, EmbeddingDue: _d, EmbeddingQueued: _q, NamesChanged: _c, ImportReport: _i, ...labels } = counts.labels;
  const { EMBEDS: _r, ...relationships } = counts.relationships;
  return { labels, relationships };
};

async function exportTo(file: string) {
  return writeExport(file, exportPacks(await readSnapshot(db)));
}

async function restore(file: string) {
  // Deliberately raw: a restore is tested into an empty database, more than the data the helper owns.
  await db.runText('MATCH (n) DETACH DELETE n');
  expect((await graphCounts(db)).labels).toEqual({});
  return loadPack(db, await readPack(file));
}

async function curate(query: string, variables: Record<string, unknown>) {
  const result = await helper.requestAsCurator(query, variables);
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'export-test-'));
  await exportTo(path.join(dir, 'before', 'graph.yaml'));
});

afterAll(async () => {
  try {
    // The graph as this file found it, from its own export; the embeddings are derived, computed again.
    await restore(path.join(dir, 'before', 'graph.yaml'));
    await embedChanged(db, loadConfig({ ...process.env, NODE_ENV: 'test' }), () => {});
  } finally {
    await helper.close();
  }
});

describe('export and restore', () => {
  it('restores the seed with imported records and curation exactly, and exports it to the same files', async () => {
    await importRecords(db, [{ name: 'icml-openalex.json', path: path.join(fixtures, 'icml-openalex.json') }]);
    // A citation to a work the graph does not hold waits as an unresolved reference.
    const citing = {
      externalIds: { ArXiv: '2901.00001' },
      title: 'Export test citing paper',
      year: 2029,
      authors: [{ name: 'Export Test Writer' }],
    };
    await importRecords(
      db,
      [{ name: 'citing.jsonl', text: `${JSON.stringify({ ...citing, references: [{ externalIds: { ArXiv: '2901.00002' } }] })}\n` }],
      {
        format: 'semantic-scholar',
      },
    );
    const concept = helper.id('concept');
    await curate('mutation($id: String, $title: String!) { upsertPaper(id: $id, title: $title, year: 2017) { title } }', {
      id: 'paper-mcgan',
      title: 'McGan (curated title)',
    });
    await curate(
      'mutation($id: String, $name: String!) { upsertConcept(id: $id, name: $name, definition: "A test concept.", broader: ["wgan"]) { slug } }',
      { id: concept, name: `${concept} name` },
    );
    await curate('mutation($w: ID!, $c: ID!, $s: SourceInput!) { linkWorkToConcept(work: $w, concept: $c, source: $s) { slug } }', {
      w: 'paper-mcgan',
      c: concept,
      s: { url: 'https://arxiv.org/abs/1702.08398', quote: 'mean and covariance' },
    });
    await curate('mutation($w: ID!, $c: ID!) { removeConceptLink(work: $w, concept: $c) }', {
      w: 'paper-mcgan',
      c: 'integral-probability-metric',
    });
    await curate('mutation($f: ID!, $t: ID!) { removeReference(from: $f, to: $t, type: CITES) }', {
      f: 'paper-mcgan',
      t: 'paper-towards-principled-methods-for-training-gans',
    });

    const before = await fingerprint(db);
    const counts = withoutEmbeddings(await graphCounts(db));
    expect(counts.labels.UnresolvedReference).toBeGreaterThan(0);
    expect(counts.labels.Change).toBeGreaterThanOrEqual(5);
    const first = await exportTo(path.join(dir, 'a', 'graph.yaml'));

    const loaded = await restore(first[0]!);
    expect(withoutEmbeddings(loaded)).toEqual(counts);
    expect(await fingerprint(db)).toEqual(before);

    const second = await exportTo(path.join(dir, 'b', 'graph.yaml'));
    expect(second.map((f) => path.relative(path.join(dir, 'b'), f))).toEqual(first.map((f) => path.relative(path.join(dir, 'a'), f)));
    for (const [i, file] of second.entries()) expect(readFileSync(file, 'utf8')).toBe(readFileSync(first[i]!, 'utf8'));
  });

  it('keeps the curation in the pack a reviewer reads: the curated title, the removed link gone, the log', async () => {
    const text = readFileSync(path.join(dir, 'a', 'graph.yaml'), 'utf8');
    const { pack } = await readPack(path.join(dir, 'a', 'graph.yaml'));
    const paper = pack.papers.find((p) => p.id === 'paper-mcgan')!;
    expect(paper.title).toBe('McGan (curated title)');
    expect(paper.concepts.map((c) => c.concept)).not.toContain('integral-probability-metric');
    expect(paper.references.map((r) => r.to)).not.toContain('paper-towards-principled-methods-for-training-gans');
    expect(pack.graph!.properties.find((p) => p.id === 'paper-mcgan')!.set).toMatchObject({
      curatedFields: ['title', 'year'],
      removedConcepts: ['integral-probability-metric'],
      removedReferences: ['CITES paper-towards-principled-methods-for-training-gans'],
      updatedBy: 'alice',
    });
    expect(pack.changes!.map((c) => c.action)).toEqual(expect.arrayContaining(['upsertPaper', 'removeConceptLink', 'removeReference']));
    expect(text).toContain('McGan (curated title)');
  });

  it('is refused by importPack: a restore is done from the command line', async () => {
    const result = await helper.requestAsCurator(
      'mutation($pack: String!, $documents: [DocumentInput!]!) { importPack(pack: $pack, documents: $documents) { labels { name } } }',
      {
        pack: readFileSync(path.join(dir, 'a', 'graph.yaml'), 'utf8'),
        documents: [{ file: 'notes.txt', text: readFileSync(path.join(dir, 'a', 'notes.txt'), 'utf8') }],
      },
    );
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'pack' });
    expect(result.errors![0]!.message).toMatch(/this is an export/);
  });
});
