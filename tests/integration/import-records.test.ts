/**
 * Importing bibliographic records into the seeded graph: merging with the ICML pack's papers and
 * people, references, automatic concept links, idempotence, dry runs, rollback, and malformed
 * files that write nothing. Every import is taken back when the file closes (cypher/import/rollback.cypher).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordFormat, RecordInput } from '../../src/ingest/formats/index.js';
import { type ImportOptions, type ImportReport, importRecords, importReports } from '../../src/ingest/import-records.js';
import { ImportError, type ImportErrorCode, type ImportIssue } from '../../src/ingest/records.js';
import { TestHelper, totalCounts } from './helpers.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
const file = (name: string): RecordInput => ({ name: path.basename(name), path: path.join(fixtures, name) });

const helper = new TestHelper('import-records');
const { db } = helper;
const imports: string[] = [];
async function run(inputs: RecordInput[], options: ImportOptions = {}): Promise<ImportReport> {
  const report = await importRecords(db, inputs, options);
  if (!report.dryRun) imports.push(report.importId);
  return report;
}
const one = async <T>(cypher: string, params: Record<string, unknown> = {}) => (await db.runText<T>(cypher, params, 'READ'))[0]!;
/** Node and relationship counts without the kept import reports (a log: one more per import). */
async function knowledgeCounts() {
  const counts = await totalCounts(db);
  const { reports } = await one<{ reports: number }>('MATCH (r:ImportReport) RETURN count(r) AS reports');
  return { ...counts, nodes: counts.nodes - reports };
}

helper.onClose(async () => {
  for (const id of imports.reverse()) await db.write('import/rollback', { import: id });
  await db.runText('MATCH (n:Paper|Person) REMOVE n.titleKey, n.nameKey, n.removedConcepts, n.removedReferences, n.provenance');
});
afterAll(() => helper.close());

describe('people with an ORCID (the OpenAlex fixture), whichever file comes first', () => {
  /**
   * The iDs the OpenAlex fixture gives (tests/fixtures/import/ORCIDS.md), the pack's person each
   * belongs to, and that person's works among the fixture's.
   */
  const withOrcid = [
    { orcid: '0000-0003-3084-2287', person: 'anshul-kundaje', works: ['paper-deeplift'] },
    { orcid: '0000-0002-6443-4671', person: 'avanti-shrikumar', works: ['paper-deeplift'] },
    { orcid: '0000-0003-4507-8648', person: 'claudia-clopath', works: ['paper-overcoming-catastrophic-forgetting'] },
    { orcid: '0000-0002-5197-2892', person: 'david-silver', works: ['paper-feudal-networks', 'paper-the-predictron'] },
    { orcid: '0000-0003-2812-9917', person: 'demis-hassabis', works: ['paper-overcoming-catastrophic-forgetting'] },
    { orcid: '0000-0003-1883-644X', person: 'friedemann-zenke', works: ['paper-continual-learning-through-synaptic-intelligence'] },
    { orcid: '0000-0002-9322-3515', person: 'yoshua-bengio', works: ['paper-a-closer-look-at-memorization-in-deep-networks'] },
  ];
  const orcidsFound = () =>
    db.runText<{ orcid: string; people: string[]; works: string[]; namesakes: number }>(
      `UNWIND $orcids AS orcid
       MATCH (p:Person {orcid: orcid})
       RETURN orcid, collect(p.id) AS people, COLLECT { MATCH (p)-[:CONTRIBUTED_TO]->(w:Paper) RETURN w.id } AS works,
              sum(COUNT { MATCH (q:Person) WHERE q.nameKey = p.nameKey }) AS namesakes
       ORDER BY orcid`,
      { orcids: withOrcid.map((o) => o.orcid) },
      'READ',
    );
  /** One person per iD, the pack's, with the works; and no second person of the same name. */
  async function expectOnePersonPerOrcid() {
    const found = await orcidsFound();
    expect(found.map((f) => f.orcid)).toEqual(withOrcid.map((o) => o.orcid).sort());
    for (const { orcid, person, works } of withOrcid)
      expect(found.find((f) => f.orcid === orcid)).toEqual({ orcid, people: [person], works: expect.arrayContaining(works), namesakes: 1 });
  }

  // This block's imports are taken back after each test, so each starts from the pack, as do the blocks below.
  const own: string[] = [];
  const importFile = async (name: string) => {
    const report = await importRecords(db, [file(name)]);
    own.push(report.importId);
    return report;
  };
  afterEach(async () => {
    for (const id of own.splice(0).reverse()) await db.write('import/rollback', { import: id });
  });

  it('OpenAlex first: each iD goes to the one person of that name who wrote the work; icml.bib afterwards adds no person', async () => {
    expect(await orcidsFound()).toEqual([]);
    const openalex = await importFile('icml-openalex.json');
    expect(openalex.worksMerged).toBe(32);
    await expectOnePersonPerOrcid();
    const bib = await importFile('icml.bib');
    expect(bib).toMatchObject({ worksMerged: 32, peopleCreated: 0 });
    await expectOnePersonPerOrcid();
  });

  it('BibTeX first: the OpenAlex records then give its people their iDs, and add no person', async () => {
    await importFile('icml.bib');
    expect(await orcidsFound()).toEqual([]);
    const openalex = await importFile('icml-openalex.json');
    expect(openalex.peopleCreated).toBe(0);
    await expectOnePersonPerOrcid();
  });

  it('taking the OpenAlex import back takes the iDs back', async () => {
    const { importId } = await importRecords(db, [file('icml-openalex.json')]);
    expect(await orcidsFound()).toHaveLength(withOrcid.length);
    await db.write('import/rollback', { import: importId });
    expect(await orcidsFound()).toEqual([]);
  });
});

describe('importing the ICML fixtures as BibTeX', () => {
  let before: { nodes: number; relationships: number };
  let report: ImportReport;

  beforeAll(async () => {
    before = await totalCounts(db);
    report = await run([file('icml.bib')]);
  });

  it('attaches the arXiv id and PMLR address to the Wasserstein GAN paper the pack has, and creates no second one', async () => {
    expect(report.merges).toContainEqual({ record: 'icml.bib#arjovsky17a', work: 'paper-wasserstein-gan', by: 'arxiv' });
    const row = await one<{ papers: number; url: string; abstract: string }>(
      "MATCH (p:Paper) WHERE p.arxiv = '1701.07875' RETURN count(p) AS papers, head(collect(p.url)) AS url, head(collect(p.abstract)) AS abstract",
    );
    expect(row.papers).toBe(1);
    // The pack already gives the PMLR address: what the pack (the notes and curators) says is kept.
    expect(row.url).toBe('https://proceedings.mlr.press/v70/arjovsky17a.html');
    expect(row.abstract).toMatch(/^Training a GAN with the Jensen-Shannon objective/);
  });

  it('merges works with no identifier in common by title, year and first author, and people by name plus a shared work', async () => {
    // The pack has "Neural Message Passing for Quantum Chemistry" without an arXiv id; the record
    // has one (1704.01212) that no work in the graph has yet.
    expect(report.merges).toContainEqual({
      record: 'icml.bib#gilmer17a',
      work: 'paper-neural-message-passing-for-quantum-chemistry',
      by: 'title',
    });
    const bottou = await one<{ people: number; works: number }>(
      "MATCH (p:Person) WHERE p.nameKey = 'leon bottou' RETURN count(DISTINCT p) AS people, COUNT { (p)-[:CONTRIBUTED_TO]->(:Paper) } AS works",
    );
    expect(bottou.people).toBe(1);
    // EWC's full author list: the pack names 9 authors, the record 14; the 5 others are new people.
    const ewc = await one<{ authors: number }>(
      "MATCH (w:Paper {id: 'paper-overcoming-catastrophic-forgetting'})<-[:CONTRIBUTED_TO]-(p) RETURN count(DISTINCT p) AS authors",
    );
    expect(ewc.authors).toBe(14);
    expect(report.worksCreated).toBe(0);
    expect(report.worksMerged).toBe(32);
  });

  it('keeps where every imported fact came from', async () => {
    const paper = await one<{ provenance: string[] }>("MATCH (p:Paper {id: 'paper-wasserstein-gan'}) RETURN p.provenance AS provenance");
    expect(paper.provenance.map((p) => p.split('\t').slice(1, 4))).toContainEqual(['abstract', 'icml.bib', 'arjovsky17a']);
  });

  it("links concepts the abstracts name, with the sentence as quote, without touching the notes' links", async () => {
    const auto = await one<{ r: Record<string, unknown> }>(
      "MATCH (:Paper {id: 'paper-wasserstein-gan'})-[r:DISCUSSES]->(:Concept {id: 'mode-collapse'}) RETURN properties(r) AS r",
    );
    expect(auto.r).toMatchObject({
      origin: 'AUTOMATIC',
      document: 'icml.bib',
      record: 'arjovsky17a',
      field: 'abstract',
      quote: 'The resulting Wasserstein GAN trains stably, suffers less mode collapse, and its loss tracks sample quality.',
    });
    expect(auto.r.confidence).toBeGreaterThan(0.5);
    const notes = await one<{ r: Record<string, unknown> }>(
      "MATCH (:Paper {id: 'paper-wasserstein-gan'})-[r:DISCUSSES]->(:Concept {id: 'wgan'}) RETURN properties(r) AS r",
    );
    expect(notes.r.origin).toBeUndefined();
    expect(notes.r.pack).toBe('icml-2017');
  });

  it('changes nothing when the same file is imported again (but keeps its report)', async () => {
    const versions = () =>
      db.runText('MATCH (n:Paper|Person) WHERE n.version IS NOT NULL RETURN n.id AS id, n.version AS version ORDER BY id', {}, 'READ');
    const versionsBefore = await versions();
    const after = await knowledgeCounts();
    expect(after).not.toEqual(before); // the first import wrote something
    const again = await run([file('icml.bib')]);
    expect(await knowledgeCounts()).toEqual(after);
    expect(await importReports(db, { id: again.importId })).toEqual([again]);
    expect(await versions()).toEqual(versionsBefore); // not even a version moved
    expect(again).toMatchObject({ worksCreated: 0, peopleCreated: 0, authorshipsCreated: 0, citesCreated: 0, conceptLinksCreated: 0 });
  });
});

describe('disagreements', () => {
  it("keeps both values: the paper shows its own and lists the record's, with its source and why; again adds nothing; taking back removes it", async () => {
    const name = `${helper.prefix}-disagree.bib`;
    const text = `@inproceedings{${helper.prefix}, title = {Wasserstein GAN}, author = {Arjovsky, Martin}, year = {2016},
  booktitle = {Workshop on Disagreement}, eprint = {1701.07875}, archivePrefix = {arXiv}}\n`;
    const first = await run([{ name, text }]);
    expect(first.conflicts).toContainEqual({
      record: `${name}#${helper.prefix}`,
      work: 'paper-wasserstein-gan',
      field: 'year',
      kept: '2017',
      other: '2016',
    });

    const query = `{ paper(id: "paper-wasserstein-gan") {
      year venue disagreements { field shown other why source { document line record field quote origin } }
    } }`;
    const { paper } = await helper.data(query);
    expect(paper).toMatchObject({ year: 2017, venue: 'ICML 2017' });
    const ours = paper.disagreements.filter((d: { source: { record: string } }) => d.source.record === helper.prefix);
    expect(ours).toEqual([
      {
        field: 'year',
        shown: '2017',
        other: '2016',
        why: "The knowledge pack's value (the notes), which outranks an imported record.",
        source: { document: name, line: 1, record: helper.prefix, field: 'year', quote: '2016', origin: 'PUBLIC_RECORD' },
      },
      {
        field: 'venue',
        shown: 'ICML 2017',
        other: 'Workshop on Disagreement',
        why: "The knowledge pack's value (the notes), which outranks an imported record.",
        source: {
          document: name,
          line: 1,
          record: helper.prefix,
          field: 'booktitle',
          quote: 'Workshop on Disagreement',
          origin: 'PUBLIC_RECORD',
        },
      },
    ]);

    const version = async () => (await one<{ v: number }>("MATCH (p:Paper {id: 'paper-wasserstein-gan'}) RETURN p.version AS v")).v;
    const before = await version();
    const again = await run([{ name, text }]);
    expect(again.conflicts).toHaveLength(2); // reported again, kept once
    expect((await helper.data(query)).paper.disagreements).toEqual(paper.disagreements);
    expect(await version()).toBe(before);

    await db.write('import/rollback', { import: again.importId });
    await db.write('import/rollback', { import: first.importId });
    const after = (await helper.data(query)).paper.disagreements;
    expect(after.filter((d: { source: { record: string } }) => d.source.record === helper.prefix)).toEqual([]);
  });
});

describe('which value a paper shows when records disagree', () => {
  it('shows the value of the record that names the work by the more specific identifier, and taking that import back restores the other', async () => {
    const p = helper.prefix;
    const title = `Specific identifiers ${p}`;
    const arxivOnly = {
      name: `${p}-arxiv.bib`,
      text: `@article{${p}-a, title = {${title}}, author = {Doe, Jane}, year = {2016}, journal = {Preprint Letters},
  eprint = {2301.99999}, archivePrefix = {arXiv}}\n`,
    };
    const withDoi = {
      name: `${p}-doi.bib`,
      text: `@article{${p}-b, title = {${title}}, author = {Doe, Jane}, year = {2017}, journal = {Journal of Specifics},
  doi = {10.5555/${p}}, eprint = {2301.99999}, archivePrefix = {arXiv}}\n`,
    };
    await run([arxivOnly]);
    const { id } = await one<{ id: string }>("MATCH (p:Paper {arxiv: '2301.99999'}) RETURN p.id AS id");
    const query = `{ paper(id: "${id}") { year venue doi disagreements { field shown other why source { document record field quote } } } }`;
    expect((await helper.data(query)).paper).toMatchObject({ year: 2016, venue: 'Preprint Letters', doi: null, disagreements: [] });

    const replacing = await run([withDoi]);
    expect(replacing.conflicts).toContainEqual({ record: `${withDoi.name}#${p}-b`, work: id, field: 'year', kept: '2017', other: '2016' });
    const { paper } = await helper.data(query);
    expect(paper).toMatchObject({ year: 2017, venue: 'Journal of Specifics', doi: `10.5555/${p}` });
    const why = expect.stringMatching(
      new RegExp(`^An import took it from ${withDoi.name} \\(record ${p}-b\\), which names the work by its DOI`),
    );
    expect(paper.disagreements).toEqual([
      {
        field: 'year',
        shown: '2017',
        other: '2016',
        why,
        source: { document: arxivOnly.name, record: `${p}-a`, field: 'year', quote: '2016' },
      },
      {
        field: 'venue',
        shown: 'Journal of Specifics',
        other: 'Preprint Letters',
        why,
        source: { document: arxivOnly.name, record: `${p}-a`, field: 'journal', quote: 'Preprint Letters' },
      },
    ]);

    // Either file again changes nothing: the arXiv-only record does not take the value back.
    const version = async () => (await one<{ v: number }>('MATCH (p:Paper {id: $id}) RETURN p.version AS v', { id })).v;
    const before = await version();
    await run([arxivOnly]);
    await run([withDoi]);
    expect((await helper.data(query)).paper).toEqual(paper);
    expect(await version()).toBe(before);

    await db.write('import/rollback', { import: replacing.importId });
    expect((await helper.data(query)).paper).toMatchObject({ year: 2016, venue: 'Preprint Letters', doi: null, disagreements: [] });
  });
});

describe('matching by title after a curator renames', () => {
  it('a record with the new title merges into the renamed paper, not into a second one', async () => {
    const id = helper.id('renamed');
    const upsert = 'mutation($id: String, $title: String!) { upsertPaper(id: $id, title: $title, year: 2030) { title } }';
    expect((await helper.requestAsCurator(upsert, { id, title: `Old title ${helper.prefix}` })).errors).toBeUndefined();
    // An import computes the folded title of papers that lack one (the old title here).
    await run([
      { name: 'empty-match.ris', text: `TY  - JOUR\nID  - ${helper.prefix}-x\nTI  - Unrelated ${helper.prefix}\nPY  - 2030\nER  - \n` },
    ]);
    expect((await one<{ key: string }>('MATCH (p:Paper {id: $id}) RETURN p.titleKey AS key', { id })).key).toMatch(/^old title/);

    expect((await helper.requestAsCurator(upsert, { id, title: `New title ${helper.prefix}` })).errors).toBeUndefined();
    const report = await run([
      {
        name: 'renamed.ris',
        text: `TY  - JOUR\nID  - ${helper.prefix}-y\nTI  - New title ${helper.prefix}\nPY  - 2030\nAU  - Renamer, Ada\nER  - \n`,
      },
    ]);
    expect(report).toMatchObject({ worksCreated: 0, worksMerged: 1 });
    expect(report.merges).toEqual([{ record: `renamed.ris#${helper.prefix}-y`, work: id, by: 'title' }]);
  });
});

describe('references', () => {
  it('become CITES between works, from OpenAlex referenced_works (JSON Lines, gzip)', async () => {
    const report = await run([file('icml-openalex.jsonl.gz')]);
    expect(report.worksCreated).toBe(0);
    expect(report.citesCreated).toBeGreaterThanOrEqual(10);
    const cites = await one<{ n: number }>(
      "MATCH (:Paper {id: 'paper-improved-training-of-wasserstein-gans'})-[r:CITES {record: 'W9000000003'}]->(:Paper {id: 'paper-wasserstein-gan'}) RETURN count(r) AS n",
    );
    expect(cites.n).toBe(1);
  });

  it('to a work not yet in the graph wait as unresolved references, shown by no query, and resolve when the work arrives', async () => {
    const citing = JSON.stringify({
      externalIds: { ArXiv: '2901.00001' },
      title: 'Author Test citing paper',
      year: 2029,
      authors: [{ name: 'Author Test Writer' }],
      references: [{ externalIds: { ArXiv: '2901.00002' } }],
    });
    const first = await run([{ name: 'citing.jsonl', text: `${citing}\n` }], { format: 'semantic-scholar' });
    expect(first).toMatchObject({ worksCreated: 1, referencesUnresolved: 1, citesCreated: 0, unresolved: ['arxiv:2901.00002'] });
    expect(
      (
        await one<{ n: number }>(
          "MATCH (u:UnresolvedReference {key: 'arxiv:2901.00002'}) WHERE NOT u:Work AND NOT u:Entity RETURN count(u) AS n",
        )
      ).n,
    ).toBe(1);

    const cited = JSON.stringify({
      id: '2901.00002',
      title: 'Author Test cited paper',
      authors_parsed: [['Writer', 'Author Test', '']],
      abstract: 'A cited work.',
      versions: [],
    });
    const second = await run([{ name: 'cited.jsonl', text: `${cited}\n` }], { format: 'arxiv' });
    expect(second.referencesResolved).toBe(1);
    const row = await one<{ cites: number; waiting: number }>(
      "MATCH (a:Paper {arxiv: '2901.00001'})-[r:CITES]->(b:Paper {arxiv: '2901.00002'}) RETURN count(r) AS cites, COUNT { (:UnresolvedReference {key: 'arxiv:2901.00002'}) } AS waiting",
    );
    expect(row).toEqual({ cites: 1, waiting: 0 });
  });
});

describe('people', () => {
  it('with the same ORCID are one person, however the records spell the name', async () => {
    // 0000-0002-1825-0097 is ORCID's documented example identifier (Josiah Carberry).
    const work = (n: number, name: string) =>
      JSON.stringify({
        id: `https://openalex.org/W99000000${n}`,
        title: `Author Test ORCID ${n}`,
        publication_year: 2031,
        authorships: [{ author: { display_name: name, orcid: 'https://orcid.org/0000-0002-1825-0097' } }],
      });
    const report = await run([{ name: 'orcid.jsonl', text: `${work(1, 'Josiah Carberry')}\n${work(2, 'J. S. Carberry')}\n` }], {
      format: 'openalex',
    });
    expect(report).toMatchObject({ worksCreated: 2, peopleCreated: 1 });
    const row = await one<{ people: number; works: number }>(
      "MATCH (p:Person {orcid: '0000-0002-1825-0097'}) RETURN count(DISTINCT p) AS people, COUNT { (p)-[:CONTRIBUTED_TO]->(:Paper) } AS works",
    );
    expect(row).toEqual({ people: 1, works: 2 });
  });

  it('a name that matches someone who shares no work is not merged, and the report says so', async () => {
    const text =
      "@article{test-bottou,\n  title = {Author Test: a paper the pack does not have},\n  author = {Bottou, L{\\'e}on},\n  year = {2030}\n}\n";
    const report = await run([{ name: 'ambiguous.bib', text }]);
    expect(report.ambiguous).toEqual([
      { record: 'ambiguous.bib#test-bottou', name: 'Léon Bottou', candidates: ['leon-bottou'], created: 'author-leon-bottou' },
    ]);
    expect((await one<{ n: number }>("MATCH (p:Person {nameKey: 'leon bottou'}) RETURN count(p) AS n")).n).toBe(2);
    await db.runText("MATCH (p:Person {id: 'author-leon-bottou'}) SET p.id = $id", { id: helper.id('leon-bottou') }); // removed by close()
  });
});

describe('curated links outrank automatic ones', () => {
  it('an automatic link a curator removed is not added again by a new import', async () => {
    const link = "MATCH (:Paper {id: 'paper-wasserstein-gan'})-[r:DISCUSSES]->(:Concept {id: 'mode-collapse'}) RETURN count(r) AS n";
    expect((await one<{ n: number }>(link)).n).toBe(1);
    await db.write('curation/remove-concept-link', { work: 'paper-wasserstein-gan', concept: 'mode-collapse' });
    await run([file('icml.ris')]);
    expect((await one<{ n: number }>(link)).n).toBe(0);
  });

  it('a citation a curator removed is not added again by a new import', async () => {
    const from = 'paper-improved-training-of-wasserstein-gans';
    const cites = `MATCH (:Paper {id: '${from}'})-[r:CITES]->(:Paper {id: 'paper-wasserstein-gan'}) RETURN count(r) AS n`;
    expect((await one<{ n: number }>(cites)).n).toBe(1);
    await db.write('curation/remove-reference', { from, to: 'paper-wasserstein-gan', type: 'CITES' });
    const report = await run([file('icml-openalex.jsonl.gz')]);
    expect((await one<{ n: number }>(cites)).n).toBe(0);
    expect(report.citesCreated).toBe(0);
  });
});

describe('all or nothing', () => {
  it('a dry run reports what would be done and writes nothing', async () => {
    const before = await totalCounts(db);
    const report = await run([file('icml.csl.json')], { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.worksMerged).toBe(32);
    expect(await totalCounts(db)).toEqual(before);
  });

  it('an import whose second batch fails takes back the first batch too', async () => {
    await db.runText("MERGE (c:Concept:Entity {id: 'author-test-collision'}) SET c.name = 'Author Test Collision'");
    // Its id must be the one the import derives from the author's name, so close() cannot know it by the prefix.
    helper.onClose(() => db.runText("MATCH (c:Concept {id: 'author-test-collision'}) DETACH DELETE c"));
    const before = await totalCounts(db);
    const records = ['One', 'Two', 'Three'].map((n, i) =>
      JSON.stringify({
        id: `2902.0000${i + 1}`,
        title: `Author Test rollback ${n}`,
        authors_parsed: [[i === 2 ? 'Collision' : `Writer${n}`, 'Test', '']],
        abstract: 'x',
        versions: [],
      }),
    );
    // The third record's author would get the id "author-test-collision", which a concept has.
    const failed = importRecords(db, [{ name: 'rollback.jsonl', text: records.join('\n') }], { format: 'arxiv', batchSize: 2 });
    await expect(failed).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await totalCounts(db)).toEqual(before);
    expect((await one<{ n: number }>("MATCH (p:Paper) WHERE p.title STARTS WITH 'Author Test rollback' RETURN count(p) AS n")).n).toBe(0);
  });

  /**
   * Malformed input of every format: each kind the issue names (truncated, wrong encoding, a 50 MB
   * line, a gzip bomb, duplicate ids, 10,000 authors) wherever it applies, and a few more. A gzip
   * bomb applies to any gzipped file; duplicate ids to records that have ids. Small files are
   * fixtures (malformed/, written by generate.ts); the others are made here: text is imported as
   * text, as the importRecords mutation sends it, and bytes (not UTF-8, gzip) from a file.
   * Each is refused with its code and the place of its one problem, and writes nothing.
   */
  const scratch = mkdtempSync(path.join(tmpdir(), 'import-malformed-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  /** A fixture's name, or a file made here. */
  type Source = string | { name: string; content: () => string | Buffer };
  type Issue = Partial<ImportIssue> & { code: ImportErrorCode };
  const made = (name: string, content: () => string | Buffer): Source => ({ name, content });
  const refused = (format: RecordFormat, kind: string, source: Source, issue: Issue, options?: ImportOptions) =>
    [
      `${format}, ${kind}: ${typeof source === 'string' ? source : `${source.name} (made here)`} is refused with ${issue.code}`,
      source,
      issue,
      options,
    ] as const;
  const line50MB = () => 'x'.repeat(50 * 2 ** 20);
  const tenThousand = <T>(author: (i: number) => T) => Array.from({ length: 10_000 }, (_, i) => author(i));
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  /** One good record, then 64 MB of blanks: inflates about a thousand times. */
  const bomb = (first: string) => gzipSync(Buffer.concat([Buffer.from(first), Buffer.alloc(64 * 2 ** 20, 0x20)]));
  const jsonl = (...records: unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');
  const s2Id = '0123456789abcdef0123456789abcdef01234567';
  const tooMany = { code: 'TOO_MANY_AUTHORS', message: 'authors: has more than 1000 authors' } as const;
  const dupe = { code: 'DUPLICATE_RECORD', message: 'the same record id occurs earlier in the file' } as const;
  const bombed = { code: 'GZIP_BOMB', message: expect.stringContaining('refused as a gzip bomb') } as const;
  const notUtf8 = { code: 'ENCODING', message: 'is not valid UTF-8 (save the file as UTF-8)' } as const;
  const cut = { code: 'TRUNCATED', message: 'the JSON ends early (the file may be truncated)' } as const;
  const lineTooLong = { code: 'LINE_TOO_LONG', line: 1, message: 'has a line longer than 16777216 bytes; refused' } as const;
  const fieldTooLong = { code: 'INVALID_RECORD', message: expect.stringMatching(/^title: /) } as const;

  const malformed = [
    // BibTeX. Its lines are limited to 1 MB before parsing (the parser fails on a field of a few MB).
    refused(
      'bibtex',
      '50 MB line',
      made('long.bib', () => `@article{long,\n  title = {${line50MB()}},\n  year = {2017}\n}\n`),
      { code: 'LINE_TOO_LONG', line: 2, message: 'has a line longer than 1048576 characters; refused' },
    ),
    refused('bibtex', 'truncated', 'truncated.bib', { code: 'SYNTAX', line: 64, record: 'arora17a', message: 'unbalanced braces' }),
    refused('bibtex', 'unbalanced braces', 'unbalanced.bib', { code: 'SYNTAX', line: 13, record: 'arjovsky17a' }),
    refused('bibtex', 'wrong encoding', 'latin1.bib', { ...notUtf8, line: 2 }),
    refused(
      'bibtex',
      'gzip bomb',
      made('bomb.bib.gz', () => bomb('@article{bomb, title = {Bomb}, year = {2017}}\n')),
      bombed,
    ),
    refused('bibtex', 'duplicate keys', 'duplicate-keys.bib', { ...dupe, line: 351, record: 'arjovsky17a' }),
    refused(
      'bibtex',
      '10,000 authors',
      made(
        'many.bib',
        () =>
          `@article{many,\n  title = {Many},\n  author = {${tenThousand((i) => `Author${i}, Test`).join(' and ')}},\n  year = {2017}\n}\n`,
      ),
      { ...tooMany, line: 1, record: 'many' },
    ),
    // RIS is read whole: a 50 MB line is refused by the limit of the field it holds.
    refused('ris', 'truncated', 'truncated.ris', { code: 'TRUNCATED', line: 449, record: 'silver17predictron' }),
    refused('ris', 'not a tag line', 'not-ris.ris', { code: 'SYNTAX', line: 3 }),
    refused(
      'ris',
      'wrong encoding',
      made('latin1.ris', () => latin1('TY  - JOUR\nID  - latin1\nTI  - Caf\xe9 networks\nAU  - Bottou, L\xe9on\nER  - \n')),
      { ...notUtf8, line: 3 },
    ),
    refused(
      'ris',
      '50 MB line',
      made('long.ris', () => `TY  - JOUR\nID  - long\nTI  - ${line50MB()}\nPY  - 2017\nER  - \n`),
      { ...fieldTooLong, line: 1, record: 'long' },
    ),
    refused(
      'ris',
      'gzip bomb',
      made('bomb.ris.gz', () => bomb('TY  - JOUR\nID  - bomb\nTI  - Bomb\nER  - \n')),
      bombed,
    ),
    refused(
      'ris',
      'duplicate ids',
      made('duplicate-ids.ris', () => 'TY  - JOUR\nID  - same\nTI  - One\nER  - \nTY  - JOUR\nID  - same\nTI  - Two\nER  - \n'),
      { ...dupe, line: 5, record: 'same' },
    ),
    refused(
      'ris',
      '10,000 authors',
      made(
        'many.ris',
        () => `TY  - JOUR\nID  - many\nTI  - Many\n${tenThousand((i) => `AU  - Author${i}, Test`).join('\n')}\nPY  - 2017\nER  - \n`,
      ),
      { ...tooMany, line: 1, record: 'many' },
    ),
    // CSL-JSON is one JSON document, read whole: its records have no line.
    refused('csl-json', 'truncated', 'truncated.csl.json', cut),
    refused(
      'csl-json',
      'wrong encoding',
      made('latin1.csl.json', () => latin1('[\n  {"id": "latin1", "type": "article",\n   "title": "Caf\xe9 networks"}\n]\n')),
      { ...notUtf8, line: 3 },
    ),
    refused(
      'csl-json',
      '50 MB line',
      made('long.csl.json', () => `[{"id": "long", "type": "article", "title": "${line50MB()}"}]\n`),
      { ...fieldTooLong, record: 'long' },
    ),
    refused(
      'csl-json',
      'gzip bomb',
      made('bomb.csl.json.gz', () => bomb('[{"id": "bomb", "type": "article", "title": "Bomb"}')),
      bombed,
    ),
    refused('csl-json', 'duplicate ids', 'duplicate-ids.csl.json', { ...dupe, record: 'a' }, { format: 'csl-json' }),
    refused(
      'csl-json',
      '10,000 authors',
      made('many.csl.json', () =>
        JSON.stringify([
          { id: 'many', type: 'article', title: 'Many', author: tenThousand((i) => ({ family: `Author${i}`, given: 'Test' })) },
        ]),
      ),
      { ...tooMany, record: 'many' },
    ),
    // OpenAlex, Semantic Scholar and arXiv are JSON Lines: one reader, plain or gzip, one line at a time.
    refused(
      'openalex',
      'truncated',
      made(
        'truncated-openalex.jsonl',
        () => `${jsonl({ id: 'https://openalex.org/W9000000001', title: 'One' })}{"id": "https://openalex.org/W9000000002", "title": "Tw`,
      ),
      { ...cut, line: 2 },
    ),
    refused('openalex', 'wrong encoding', 'latin1-openalex.jsonl', { ...notUtf8, line: 2 }),
    refused(
      'openalex',
      '50 MB line',
      made('long-openalex.jsonl', () => jsonl({ id: 'https://openalex.org/W1', title: line50MB() })),
      lineTooLong,
    ),
    refused('openalex', 'gzip bomb', 'bomb-openalex.jsonl.gz', bombed),
    refused(
      'openalex',
      'duplicate ids',
      made('duplicate-ids-openalex.jsonl', () =>
        jsonl({ id: 'https://openalex.org/W9000000001', title: 'One' }, { id: 'https://openalex.org/W9000000001', title: 'Two' }),
      ),
      { ...dupe, line: 2, record: 'W9000000001' },
    ),
    refused(
      'openalex',
      '10,000 authors',
      made('many-openalex.jsonl', () =>
        jsonl({
          id: 'https://openalex.org/W1',
          title: 'Many',
          authorships: tenThousand((i) => ({ author: { display_name: `Test Author${i}` } })),
        }),
      ),
      { ...tooMany, line: 1, record: 'W1' },
    ),
    refused('semantic-scholar', 'truncated', 'truncated-s2.jsonl', { ...cut, line: 6 }),
    refused(
      'semantic-scholar',
      'wrong encoding',
      made('latin1-s2.jsonl', () =>
        Buffer.concat([Buffer.from(jsonl({ paperId: s2Id, title: 'Fine' })), latin1('{"paperId": null, "title": "Caf\xe9"}\n')]),
      ),
      { ...notUtf8, line: 2 },
    ),
    refused(
      'semantic-scholar',
      '50 MB line',
      made('long-s2.jsonl', () => jsonl({ paperId: s2Id, title: line50MB() })),
      lineTooLong,
    ),
    refused(
      'semantic-scholar',
      'gzip bomb',
      made('bomb-s2.jsonl.gz', () => bomb(jsonl({ paperId: s2Id, title: 'Bomb' }))),
      bombed,
    ),
    refused(
      'semantic-scholar',
      'duplicate ids',
      made('duplicate-ids-s2.jsonl', () => jsonl({ paperId: s2Id, title: 'One' }, { paperId: s2Id, title: 'Two' })),
      { ...dupe, line: 2, record: s2Id },
    ),
    refused(
      'semantic-scholar',
      '10,000 authors',
      made('many-s2.jsonl', () => jsonl({ paperId: s2Id, title: 'Many', authors: tenThousand((i) => ({ name: `Test Author${i}` })) })),
      { ...tooMany, line: 1, record: s2Id },
    ),
    refused(
      'arxiv',
      'truncated',
      made(
        'truncated-arxiv.jsonl',
        () => `${jsonl({ id: '1701.07875', authors_parsed: [], title: 'One' })}{"id": "1701.07876", "authors_parsed": [], "title": "Tw`,
      ),
      { ...cut, line: 2 },
    ),
    refused(
      'arxiv',
      'wrong encoding',
      made('latin1-arxiv.jsonl', () =>
        Buffer.concat([
          Buffer.from(jsonl({ id: '1701.07875', authors_parsed: [], title: 'Fine' })),
          latin1('{"id": "1701.07876", "authors_parsed": [["Bottou", "L\xe9on", ""]], "title": "Caf\xe9"}\n'),
        ]),
      ),
      { ...notUtf8, line: 2 },
    ),
    refused(
      'arxiv',
      '50 MB line',
      made('long-arxiv.jsonl', () => jsonl({ id: '1701.07875', authors_parsed: [], title: line50MB() })),
      lineTooLong,
    ),
    refused(
      'arxiv',
      'gzip bomb',
      made('bomb-arxiv.jsonl.gz', () => bomb(jsonl({ id: '1701.07875', authors_parsed: [], title: 'Bomb' }))),
      bombed,
    ),
    refused(
      'arxiv',
      'duplicate ids',
      made('duplicate-ids-arxiv.jsonl', () =>
        jsonl({ id: '1701.07875', authors_parsed: [], title: 'One' }, { id: '1701.07875', authors_parsed: [], title: 'Two' }),
      ),
      { ...dupe, line: 2, record: '1701.07875' },
    ),
    refused(
      'arxiv',
      '10,000 authors',
      made('many-arxiv.jsonl', () =>
        jsonl({ id: '1701.07875', authors_parsed: tenThousand((i) => [`Author${i}`, 'Test', '']), title: 'Many' }),
      ),
      { ...tooMany, line: 1, record: '1701.07875' },
    ),
    refused('arxiv', 'no title', 'no-title-arxiv.jsonl', { code: 'INVALID_RECORD', line: 1, record: '1701.07875' }, { format: 'arxiv' }),
  ];
  it.each(malformed)(
    '%s, with its place, and writes nothing',
    async (_, source, issue, options) => {
      let input: RecordInput;
      if (typeof source === 'string') input = file(`malformed/${source}`);
      else {
        const content = source.content();
        if (typeof content === 'string') input = { name: source.name, text: content };
        else {
          input = { name: source.name, path: path.join(scratch, source.name) };
          writeFileSync(input.path!, content);
        }
      }
      const before = await totalCounts(db);
      const error = await importRecords(db, [input], options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe(issue.code);
      expect((error as ImportError).issues).toMatchObject([{ file: input.name, ...issue }]);
      expect(await totalCounts(db)).toEqual(before);
    },
    120_000,
  );

  it('reports every problem of a file together, each with its line', async () => {
    const text =
      '@article{good,\n  title = {Good},\n  year = {2017}\n}\n@article{bad1,\n  title = {Broken {title,\n  year = {2017}\n}\n@article{nottitled,\n  year = {2017}\n}\n';
    const error = (await importRecords(db, [{ name: 'refs.bib', text }]).catch((e: unknown) => e)) as ImportError;
    expect(error.issues.map((i) => [i.line, i.record, i.code])).toEqual([
      [5, 'bad1', 'SYNTAX'],
      [9, 'nottitled', 'INVALID_RECORD'],
    ]);
    expect(error.message).toContain('refs.bib:5 entry "bad1": unbalanced braces [SYNTAX]');
  });
});

describe('the importRecords mutation', () => {
  const ris = (title: string) =>
    `TY  - JOUR\nID  - ${helper.prefix}\nTI  - ${title}\nAU  - Tester, Author\nPY  - 2031\nAB  - We train a GAN on rare data. Mode collapse follows, as expected.\nER  - \n`;
  const mutation = `mutation ($text: String, $name: String, $format: RecordFormat, $dryRun: Boolean) {
    importRecords(text: $text, name: $name, format: $format, dryRun: $dryRun) {
      importId dryRun records worksCreated worksMerged conceptLinksCreated merges { record work by } ambiguous { name }
    }
  }`;

  it('needs the curator token', async () => {
    const response = await helper.request(mutation, { text: ris('Author Test refused') });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('imports text, and the existing queries show the paper, its author and its concepts with their sources', async () => {
    const name = `${helper.prefix}.ris`;
    const response = await helper.requestAsCurator(mutation, { text: ris('Author Test GraphQL import'), name, format: 'RIS' });
    expect(response.errors).toBeUndefined();
    const report = response.data.importRecords;
    imports.push(report.importId);
    expect(report).toMatchObject({ dryRun: false, records: 1, worksCreated: 1, worksMerged: 0, conceptLinksCreated: 2 });

    const { id } = await one<{ id: string }>("MATCH (p:Paper {title: 'Author Test GraphQL import'}) RETURN p.id AS id");
    const paper = await helper.request(`{ paper(id: "${id}") {
      title year source { document line record field quote origin }
      contributions { origin person { name } source { record field quote origin } }
      conceptLinks { concept { slug } source { quote record field origin confidence } }
    } }`);
    expect(paper.errors).toBeUndefined();
    expect(paper.data.paper).toMatchObject({
      title: 'Author Test GraphQL import',
      year: 2031,
      source: { document: name, line: 1, record: helper.prefix, field: 'TI', quote: 'Author Test GraphQL import', origin: 'PUBLIC_RECORD' },
      contributions: [
        {
          origin: 'PUBLIC_RECORD',
          person: { name: 'Author Tester' },
          source: { record: helper.prefix, field: 'AU', quote: 'Author Tester', origin: 'PUBLIC_RECORD' },
        },
      ],
    });
    expect(paper.data.paper.conceptLinks).toContainEqual({
      concept: { slug: 'mode-collapse' },
      source: { quote: 'Mode collapse follows, as expected.', record: helper.prefix, field: 'AB', origin: 'AUTOMATIC', confidence: 0.7 },
    });
  });

  it('keeps each report: importReport(id) and importReports show it later; a dry run is not kept; an unknown id is NOT_FOUND', async () => {
    const name = `${helper.prefix}-report.ris`;
    const text = ris('Author Test kept report');
    const dry = await helper.requestAsCurator(mutation, { text, name, format: 'RIS', dryRun: true });
    const done = await helper.requestAsCurator(mutation, { text, name, format: 'RIS' });
    expect(done.errors).toBeUndefined();
    const { importId } = done.data.importRecords;
    imports.push(importId);

    const fields = 'importId dryRun at files records worksCreated conceptLinksCreated merges { work } conflicts { field } unresolved';
    const kept = await helper.request(`query($id: String!) { importReport(id: $id) { ${fields} } }`, { id: importId });
    expect(kept.errors).toBeUndefined();
    expect(kept.data.importReport).toMatchObject({
      importId,
      dryRun: false,
      files: [name],
      records: 1,
      worksCreated: 1,
      conceptLinksCreated: 2,
      merges: [],
      conflicts: [],
      unresolved: [],
    });
    expect(Date.now() - Date.parse(kept.data.importReport.at)).toBeLessThan(10 * 60_000);

    const newest = await helper.request(`{ importReports(last: 5) { importId at } }`);
    expect(newest.data.importReports[0].importId).toBe(importId);
    const ids = newest.data.importReports.map((r: { importId: string }) => r.importId);
    expect(ids).not.toContain(dry.data.importRecords.importId);

    const unknown = await helper.request(`{ importReport(id: "import-none-000000") { records } }`);
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'importReport: no finished import has the id "import-none-000000"',
      extensions: { code: 'NOT_FOUND', argument: 'id' },
    });
    const tooMany = await helper.request(`{ importReports(last: 1000) { importId } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows the automatic link on a paper of the notes next to its talk', async () => {
    const response = await helper.request(`{ paper(id: "paper-wasserstein-gan") {
      presentedAt { title }
      conceptLinks { concept { slug } source { origin record quote } }
    } }`);
    expect(response.data.paper.presentedAt.length).toBeGreaterThan(0);
    expect(response.data.paper.conceptLinks).toContainEqual({
      concept: { slug: 'generative-adversarial-network' },
      // The concept's name in the title ("Generative Adversarial Networks") wins over "GAN" in the abstract.
      source: { origin: 'AUTOMATIC', record: 'arjovsky17a', quote: 'Wasserstein Generative Adversarial Networks' },
    });
    expect(response.data.paper.conceptLinks).toContainEqual({
      concept: { slug: 'wgan' },
      source: expect.objectContaining({ origin: null, record: null }),
    });
  });

  it('imports an upload (GraphQL multipart request)', async () => {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: 'mutation ($file: File!) { importRecords(file: $file, dryRun: true) { dryRun records worksCreated } }',
        variables: { file: null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new File([ris('Author Test upload')], 'upload.ris'));
    const response = await helper.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${helper.curatorToken}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data.importRecords).toEqual({ dryRun: true, records: 1, worksCreated: 1 });
  });

  it('refuses a malformed file with BAD_USER_INPUT, its import code and every issue, writing nothing', async () => {
    const before = await totalCounts(db);
    const response = await helper.requestAsCurator(mutation, {
      text: '@article{arjovsky17a,\n  title = {Wasserstein {GAN},\n  year = {2017}\n}\n',
      name: 'refs.bib',
    });
    expect(response.errors?.[0]).toMatchObject({
      message: 'refs.bib:1 entry "arjovsky17a": unbalanced braces [SYNTAX]',
      extensions: {
        code: 'BAD_USER_INPUT',
        importCode: 'SYNTAX',
        issues: [{ code: 'SYNTAX', file: 'refs.bib', line: 1, record: 'arjovsky17a' }],
      },
    });
    expect(await totalCounts(db)).toEqual(before);
  });
});
