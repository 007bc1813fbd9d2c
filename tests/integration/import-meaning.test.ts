/**
 * Importing records with linkByMeaning links works to concepts by meaning too (src/ingest/meaning-links.ts), with the
 * real embedding model and the seeded graph: an abstract that describes a concept in other words
 * gets a MEANING link quoting its closest sentence; an unrelated one gets none; curated links and
 * curators' removals win; importing again adds nothing; taking the import back removes the links.
 * Every import is taken back when the file closes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { takeBackImport } from '../../src/db/import-runs.js';
import { type ImportReport, importRecords } from '../../src/ingest/import-records.js';
import { useRealEmbedder } from './embedder.js';
import { TestHelper } from './helpers.js';

const model = useRealEmbedder();
const helper = new TestHelper('import-meaning', {}, { embedder: () => model.embedder });
const { db } = helper;
const imports: string[] = [];
helper.onClose(async () => {
  for (const id of imports.reverse()) await db.write('import/rollback', { import: id });
  await db.runText("MATCH (n:Paper {id: 'paper-overcoming-catastrophic-forgetting'}) REMOVE n.removedConcepts");
});
afterAll(() => helper.close());

// Written for this test: the first describes catastrophic forgetting without naming it (nor any
// other concept of the pack), the second is about something the pack has no concept for.
const forgetting =
  'When a neural network is trained on one task after another, what it learned first is overwritten and its earlier performance collapses. ' +
  'We protect the parameters that mattered for the earlier tasks so that sequential training keeps them. ' +
  'Experiments use three benchmarks.';
const bib = `@article{meaning-forgetting,
  title = {Keeping old skills while learning new ones},
  author = {Quill, Ada},
  year = {2031},
  abstract = {${forgetting}},
}

@article{meaning-soil,
  title = {Soil moisture in alpine meadows},
  author = {Moss, Bert},
  year = {2031},
  abstract = {We measured water content in mountain grassland soils over three summers. We relate it to snowmelt timing and slope orientation.},
}
`;
const input = { name: 'meaning.bib', text: bib };

async function importWithModel(text = bib): Promise<ImportReport> {
  const report = await importRecords(db, [{ ...input, text }], { embedder: model.embedder, linkByMeaning: true });
  imports.push(report.importId);
  return report;
}
const one = async <T>(cypher: string, params: Record<string, unknown> = {}) => (await db.runText<T>(cypher, params, 'READ'))[0]!;
const linksOf = (title: string) =>
  db.runText<{ concept: string; r: Record<string, unknown> }>(
    'MATCH (p:Paper {title: $title})-[r:DISCUSSES]->(c:Concept) RETURN c.id AS concept, properties(r) AS r',
    { title },
    'READ',
  );
const forgettingLink =
  "MATCH (:Paper {title: 'Keeping old skills while learning new ones'})-[r:DISCUSSES]->(:Concept {id: 'catastrophic-forgetting'}) RETURN count(r) AS n";

describe('links by meaning', () => {
  let first: ImportReport;

  it('link an abstract that describes a concept in other words, quoting its closest sentence', async () => {
    first = await importWithModel();
    expect(first).toMatchObject({ worksCreated: 2, conceptLinksCreated: 0, conceptLinksByMeaning: 1, meaningSkipped: null });
    const links = await linksOf('Keeping old skills while learning new ones');
    expect(links.map((l) => l.concept)).toEqual(['catastrophic-forgetting']);
    expect(links[0]!.r).toMatchObject({
      origin: 'AUTOMATIC',
      matchedBy: 'MEANING',
      document: 'meaning.bib',
      record: 'meaning-forgetting',
      field: 'abstract',
      quote:
        'When a neural network is trained on one task after another, what it learned first is overwritten and its earlier performance collapses.',
      import: first.importId,
    });
    expect(links[0]!.r.confidence).toBeGreaterThanOrEqual(model.embedder.spec.conceptLinkAtLeast);
    expect(links[0]!.r.confidence).toBeLessThan(1);
  });

  it('link nothing to an abstract about something the pack has no concept for', async () => {
    expect(await linksOf('Soil moisture in alpine meadows')).toEqual([]);
  });

  it('are shown by the API with foundBy MEANING, and the report counts them', async () => {
    const { id } = await one<{ id: string }>("MATCH (p:Paper {title: 'Keeping old skills while learning new ones'}) RETURN p.id AS id");
    const data = await helper.data(
      `{ paper(id: "${id}") { conceptLinks { concept { slug } source { origin foundBy field confidence } } } }`,
    );
    expect(data.paper.conceptLinks).toEqual([
      {
        concept: { slug: 'catastrophic-forgetting' },
        source: { origin: 'AUTOMATIC', foundBy: 'MEANING', field: 'abstract', confidence: expect.any(Number) },
      },
    ]);
    const report = await helper.data(`{ importReport(id: "${first.importId}") { conceptLinksByMeaning meaningSkipped } }`);
    expect(report.importReport).toEqual({ conceptLinksByMeaning: 1, meaningSkipped: null });
  });

  it('are not added again when the same file is imported again', async () => {
    const before = await one<{ n: number }>('MATCH ()-[r:DISCUSSES]->() RETURN count(r) AS n');
    const again = await importWithModel();
    expect(again).toMatchObject({ worksCreated: 0, worksMerged: 2, conceptLinksCreated: 0, conceptLinksByMeaning: 0 });
    expect(await one<{ n: number }>('MATCH ()-[r:DISCUSSES]->() RETURN count(r) AS n')).toEqual(before);
  });

  it('go when the import is taken back', async () => {
    await takeBackImport(db, first.importId, false);
    expect((await one<{ n: number }>(forgettingLink)).n).toBe(0);
    expect((await one<{ n: number }>("MATCH (p:Paper {title: 'Soil moisture in alpine meadows'}) RETURN count(p) AS n")).n).toBe(0);
    // The created works' embeddings go with them.
    expect((await one<{ n: number }>('MATCH (e:Embedding) WHERE NOT (e)-[:EMBEDS]->() RETURN count(e) AS n')).n).toBe(0);
  });

  it('that a curator removed stay removed when the file is imported again', async () => {
    await importWithModel();
    expect((await one<{ n: number }>(forgettingLink)).n).toBe(1);
    const { id } = await one<{ id: string }>("MATCH (p:Paper {title: 'Keeping old skills while learning new ones'}) RETURN p.id AS id");
    await db.write('curation/remove-concept-link', { work: id, concept: 'catastrophic-forgetting' });
    const again = await importWithModel();
    expect(again.conceptLinksByMeaning).toBe(0);
    expect((await one<{ n: number }>(forgettingLink)).n).toBe(0);
  });

  it('never change a curated link: a record of a pack paper adds nothing to the concept its notes give', async () => {
    const curated =
      "MATCH (:Paper {id: 'paper-overcoming-catastrophic-forgetting'})-[r:DISCUSSES]->(:Concept {id: 'catastrophic-forgetting'}) RETURN properties(r) AS r";
    const before = await one<{ r: Record<string, unknown> }>(curated);
    const record = `@article{meaning-ewc, title = {Overcoming catastrophic forgetting in neural networks}, author = {Kirkpatrick, James}, year = {2017}, eprint = {1612.00796}, archiveprefix = {arXiv}, abstract = {${forgetting}}}`;
    const report = await importWithModel(record);
    expect(report.worksMerged).toBe(1);
    const after = await one<{ r: Record<string, unknown> }>(curated);
    expect(after.r).toEqual(before.r);
    expect(after.r.origin).toBeUndefined();
    // Whatever else meaning found for it is automatic, from this record.
    const links = await db.runText<{ r: Record<string, unknown> }>(
      "MATCH (:Paper {id: 'paper-overcoming-catastrophic-forgetting'})-[r:DISCUSSES]->() WHERE r.import = $import RETURN properties(r) AS r",
      { import: report.importId },
      'READ',
    );
    for (const { r } of links) expect(r).toMatchObject({ origin: 'AUTOMATIC', record: 'meaning-ewc' });
  });

  it('are looked for only when asked, and the report says so', async () => {
    const text = `@article{meaning-asked, title = {Remembering earlier tasks}, author = {Quill, Ada}, year = {2032}, abstract = {${forgetting}}}`;
    const report = await importRecords(db, [{ name: 'asked.bib', text }], { embedder: model.embedder });
    imports.push(report.importId);
    expect(report).toMatchObject({ worksCreated: 1, conceptLinksByMeaning: 0, meaningSkipped: expect.stringContaining('not asked for') });
    const mutation = `mutation ($text: String!) { importRecords(text: $text, name: "asked.bib", linkByMeaning: true) {
      importId conceptLinksByMeaning meaningSkipped } }`;
    await takeBackImport(db, report.importId, false);
    const response = await helper.requestAsCurator(mutation, { text });
    expect(response.errors).toBeUndefined();
    const asked = response.data!.importRecords as ImportReport;
    imports.push(asked.importId);
    expect(asked).toMatchObject({ conceptLinksByMeaning: 1, meaningSkipped: null });
  });

  it('are skipped without the model, and the report says why', async () => {
    const report = await importRecords(db, [input], { meaningOff: 'the model could not be loaded', linkByMeaning: true });
    imports.push(report.importId);
    expect(report).toMatchObject({ conceptLinksByMeaning: 0, meaningSkipped: 'the model could not be loaded' });
  });
});
