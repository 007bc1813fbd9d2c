/**
 * Reading bibliographic formats into work records (no database): every fixture format gives the
 * same 32 works, BibTeX's hard parts are handled, formats are told apart, and the concept matcher
 * finds whole words with acronyms in their case.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConceptMatcher } from '../../src/ingest/concept-matcher.js';
import { detectFormat, type RecordFormat, type RecordInput, readRecords } from '../../src/ingest/formats/index.js';
import { abstractFromInvertedIndex } from '../../src/ingest/formats/json-records.js';
import type { ImportReport } from '../../src/ingest/import-records.js';
import { formatReport } from '../../src/ingest/import-report.js';
import { normaliseArxiv, normaliseDoi, type WorkRecord } from '../../src/ingest/records.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');

async function records(input: RecordInput, format?: RecordFormat): Promise<WorkRecord[]> {
  const out: WorkRecord[] = [];
  for await (const item of readRecords(input, format ?? (await detectFormat(input)))) {
    if ('issue' in item) throw new Error(`${item.issue.code}: ${item.issue.message}`);
    out.push(item.record);
  }
  return out;
}

describe('every fixture format', () => {
  const files: [string, RecordFormat, number][] = [
    ['icml.bib', 'bibtex', 32],
    ['icml.ris', 'ris', 32],
    ['icml.csl.json', 'csl-json', 32],
    ['icml-openalex.json', 'openalex', 32],
    ['icml-openalex.jsonl.gz', 'openalex', 32],
    ['icml-s2.jsonl', 'semantic-scholar', 32],
    ['icml-arxiv.jsonl', 'arxiv', 32],
  ];
  it.each(files)('%s is detected as %s and gives its works with title, year, authors and arXiv id', async (name, format, count) => {
    const input = { name, path: path.join(fixtures, name) };
    expect(await detectFormat(input)).toBe(format);
    const works = await records(input);
    expect(works).toHaveLength(count);
    const wgan = works.find((w) => w.ids.arxiv === '1701.07875')!;
    expect(wgan).toMatchObject({ title: 'Wasserstein Generative Adversarial Networks', year: 2017 });
    expect(wgan.authors.map((a) => a.name)).toEqual(['Martin Arjovsky', 'Soumith Chintala', 'Léon Bottou']);
    expect(wgan.abstract).toMatch(/^Training a GAN with the Jensen-Shannon objective is fragile\./);
    const ewc = works.find((w) => /catastrophic forgetting/.test(w.title))!;
    expect(ewc.ids).toMatchObject({ arxiv: '1612.00796', doi: '10.1073/pnas.1611835114' });
    expect(ewc.authors).toHaveLength(14);
  });

  it('only the OpenAlex files give authors ORCIDs: those of orcids.json (see ORCIDS.md), on every authorship of that name', async () => {
    const orcids: Record<string, string> = JSON.parse(readFileSync(path.join(fixtures, 'orcids.json'), 'utf8'));
    for (const [name, format] of files) {
      const authors = (await records({ name, path: path.join(fixtures, name) }, format)).flatMap((w) => w.authors);
      const expected = authors.filter((a) => a.name in orcids).map((a) => [a.name, orcids[a.name]]);
      // Every name of orcids.json is an author here; David Silver wrote two of the works.
      expect(new Set(expected.map(([author]) => author))).toEqual(new Set(Object.keys(orcids)));
      expect(authors.filter((a) => a.orcid).map((a) => [a.name, a.orcid])).toEqual(format === 'openalex' ? expected : []);
    }
  });
});

describe('telling a format from a long first record', () => {
  // The arXiv snapshot's order of fields: `authors_parsed` comes last, after the authors as one string.
  const collaboration = Array.from({ length: 900 }, (_, i) => [
    `Physicist-of-the-collaboration-${i}`,
    'Alexandra Maximiliana Theodora',
    '',
  ]);
  const line = JSON.stringify({
    id: '1207.7214',
    submitter: 'Atlas Publications',
    authors: collaboration.map(([last, first]) => `${first} ${last}`).join(', '),
    title: 'Observation of a new particle in the search for the Standard Model Higgs boson',
    abstract: 'A new particle is observed at a mass near 126 GeV. '.repeat(200),
    versions: [{ version: 'v1', created: 'Tue, 31 Jul 2012 17:38:25 GMT' }],
    update_date: '2012-09-01',
    authors_parsed: collaboration,
  });

  it('reads the whole first line when the part read first shows no known field', async () => {
    expect(line.indexOf('authors_parsed')).toBeGreaterThan(65536);
    const dir = mkdtempSync(path.join(tmpdir(), 'long-record-'));
    const file = path.join(dir, 'snapshot.jsonl.gz');
    writeFileSync(file, gzipSync(`${line}\n${line.replace('1207.7214', '1207.7235')}\n`));
    expect(await detectFormat({ name: 'snapshot.jsonl.gz', path: file })).toBe('arxiv');
    expect(await detectFormat({ name: 'pasted', text: `${line}\n` })).toBe('arxiv');
    const [work] = await records({ name: 'snapshot.jsonl.gz', path: file });
    expect(work!.authors).toHaveLength(900);
  });

  it('still cannot tell a long line of no known format', async () => {
    const text = `${JSON.stringify({ name: 'x'.repeat(70000), kind: 'unknown' })}\n`;
    await expect(detectFormat({ name: 'mystery', text })).rejects.toThrow(/cannot tell the format/);
  });
});

describe('BibTeX', () => {
  const bib = (text: string) => records({ name: 'refs.bib', text }, 'bibtex');

  it('expands @string and crossref, turns LaTeX accents into letters and drops "and others"', async () => {
    const [work] = await bib(String.raw`@string{icml = "Proceedings of ICML"}
@proceedings{icml17, booktitle = icml, year = {2017}, publisher = {PMLR}}
@inproceedings{x, title = {The {Schr\"odinger} {GAN}}, author = {Sch{\"o}lkopf, Bernhard and M\"{u}ller, Klaus-Robert and {\AA}str{\"o}m, Karl and others}, crossref = {icml17}}`);
    expect(work).toMatchObject({ title: 'The Schrödinger GAN', venue: 'Proceedings of ICML', year: 2017 });
    expect(work!.authors.map((a) => a.name)).toEqual(['Bernhard Schölkopf', 'Klaus-Robert Müller', 'Karl Åström']);
  });

  it('reads arXiv ids from eprint or url, DOIs from doi, and DBLP keys from biburl', async () => {
    const [a, b] =
      await bib(`@article{a, title = {A}, eprint = {1701.07875v3}, archivePrefix = {arXiv}, doi = {https://doi.org/10.1073/PNAS.1611835114}}
@misc{b, title = {B}, url = {https://arxiv.org/abs/1704.00028}, biburl = {https://dblp.org/rec/conf/icml/GraveJCGJ17.bib}}`);
    expect(a!.ids).toEqual({ arxiv: '1701.07875', doi: '10.1073/pnas.1611835114' });
    expect(b!.ids).toEqual({ arxiv: '1704.00028', dblp: 'conf/icml/GraveJCGJ17' });
  });
});

describe('identifiers and OpenAlex abstracts', () => {
  it('normalises DOIs and arXiv ids, and refuses what is not one', () => {
    expect(normaliseDoi('doi:10.48550/arXiv.1701.07875')).toBe('10.48550/arxiv.1701.07875');
    expect(normaliseDoi('not a doi')).toBeUndefined();
    expect(normaliseArxiv('arXiv:1701.07875v2')).toBe('1701.07875');
    expect(normaliseArxiv('https://arxiv.org/pdf/cs/0112017v1')).toBe('cs/0112017');
    expect(normaliseArxiv('17.01')).toBeUndefined();
  });

  it('puts an inverted-index abstract back in order', () => {
    expect(abstractFromInvertedIndex({ GANs: [0], train: [1], badly: [2, 4], and: [3] })).toBe('GANs train badly and badly');
  });
});

describe('the concept matcher', () => {
  const matcher = new ConceptMatcher([
    { id: 'generative-adversarial-network', name: 'Generative adversarial network', aliases: ['GAN', 'GANs'] },
    { id: 'mode-collapse', name: 'Mode collapse', aliases: [] },
    { id: 'calibration', name: 'Model calibration', aliases: ['calibration'] },
  ]);
  const record = (title: string, abstract?: string): WorkRecord => ({
    source: { name: 'x', record: 'r' },
    ids: {},
    title,
    authors: [],
    references: [],
    concepts: [],
    fields: { title: 'title', abstract: 'abstract' },
    ...(abstract ? { abstract } : {}),
  });

  it('finds acronyms in their case only, and whole words only', () => {
    expect(matcher.match(record('Organ growth with gan and GANs')).map((m) => m.concept)).toEqual(['generative-adversarial-network']);
    expect(matcher.match(record('An organic gang'))).toEqual([]);
  });

  it('quotes the sentence that names the concept, and trusts the title more than the abstract', () => {
    expect(matcher.match(record('x', 'We study GANs. Mode collapse is common here! More text.'))).toContainEqual({
      concept: 'mode-collapse',
      field: 'abstract',
      quote: 'Mode collapse is common here!',
      confidence: 0.7,
    });
    expect(matcher.match(record('On calibration'))).toEqual([
      { concept: 'calibration', field: 'title', quote: 'On calibration', confidence: 0.8 },
    ]);
  });
});

describe('the command line report', () => {
  it('says what was created, merged and left unresolved, and lists merges and ambiguous names', () => {
    const report: ImportReport = {
      importId: 'import-x',
      dryRun: true,
      at: null,
      files: [{ name: 'refs.bib', format: 'bibtex', records: 2 }],
      records: 2,
      worksCreated: 1,
      worksMerged: 1,
      peopleCreated: 2,
      peopleMerged: 1,
      authorshipsCreated: 3,
      citesCreated: 0,
      referencesUnresolved: 1,
      referencesResolved: 0,
      conceptLinksCreated: 4,
      conceptLinksByMeaning: 0,
      meaningSkipped: 'a dry run does not look for links by meaning',
      merges: [{ record: 'refs.bib#arjovsky17a', work: 'paper-wasserstein-gan', by: 'arxiv' }],
      conflicts: [],
      ambiguous: [{ record: 'refs.bib#x', name: 'Léon Bottou', candidates: ['leon-bottou'], created: 'author-leon-bottou' }],
      unresolved: ['arxiv:1406.2661'],
    };
    const text = formatReport(report);
    expect(formatReport({ ...report, dryRun: false, meaningSkipped: null, conceptLinksByMeaning: 2 }).split('\n')[4]).toBe(
      'concepts: 4 automatic links by words, 2 by meaning',
    );
    expect(text.split('\n')).toEqual([
      'Dry run (nothing written): 2 records from refs.bib (bibtex).',
      'works: 1 would be created, 1 merged with works in the graph',
      'people: 2 would be created, 1 merged; authorships: 3 new',
      'citations: 0 new, 0 earlier references resolved, 1 left unresolved',
      'concepts: 4 automatic links by words, none looked for by meaning (a dry run does not look for links by meaning)',
      'merged (1):',
      '  refs.bib#arjovsky17a -> paper-wasserstein-gan (by arxiv)',
      'ambiguous names (not merged) (1):',
      '  refs.bib#x "Léon Bottou": same name as leon-bottou; kept apart as author-leon-bottou',
      'unresolved references (kept for a later import) (1):',
      '  arxiv:1406.2661',
    ]);
  });
});
