/**
 * Malformed bibliographic files for the importRecords mutation (the formats `npm run import`
 * reads: BibTeX, RIS, JSON Lines, CSL-JSON), each with the import code it must be refused with.
 * They are real imports, not dry runs: a refusal must leave the graph exactly as it was.
 */
import type { HostileRequest } from './queries.js';

interface MalformedRecords {
  name: string;
  /** The file name the text is sent under (it names the format unless `format` does). */
  file: string;
  text: string;
  format?: 'BIBTEX' | 'RIS' | 'CSL_JSON' | 'OPENALEX' | 'SEMANTIC_SCHOLAR' | 'ARXIV';
  importCode: string;
}

const entry = (fields: string) => `@article{hostile2017,\n${fields}\n}\n`;
const openalex = (fields: string) => `{"id": "https://openalex.org/W9000000001", ${fields}}`;
const ris = (lines: string[]) => `${lines.join('\n')}\n`;

const malformed: MalformedRecords[] = [
  // BibTeX
  {
    name: 'BibTeX with an unclosed brace',
    file: 'a.bib',
    text: entry('  title = {Broken {title},\n  year = {2017}'),
    importCode: 'SYNTAX',
  },
  { name: 'BibTeX cut off mid-field', file: 'a.bib', text: '@article{hostile2017,\n  title = {A tit', importCode: 'SYNTAX' },
  { name: 'BibTeX without a title', file: 'a.bib', text: entry('  year = {2017}'), importCode: 'INVALID_RECORD' },
  {
    name: 'BibTeX with one key twice',
    file: 'a.bib',
    text: entry('  title = {A}') + entry('  title = {B}'),
    importCode: 'DUPLICATE_RECORD',
  },
  { name: 'BibTeX of a lone @', file: 'a.bib', text: '@', importCode: 'SYNTAX' },
  { name: 'BibTeX with 10,000 unclosed braces', file: 'a.bib', text: entry(`  title = {${'{'.repeat(10_000)}x}`), importCode: 'SYNTAX' },
  {
    name: 'BibTeX with 2,000 authors',
    file: 'a.bib',
    text: entry(`  title = {Many},\n  author = {${Array.from({ length: 2000 }, (_, i) => `Author${i}, A`).join(' and ')}}`),
    importCode: 'TOO_MANY_AUTHORS',
  },
  {
    name: 'BibTeX with a year of 99999',
    file: 'a.bib',
    text: entry('  title = {Far future},\n  year = {99999}'),
    importCode: 'INVALID_RECORD',
  },
  {
    name: 'BibTeX with a 20,000-character title',
    file: 'a.bib',
    text: entry(`  title = {${'t'.repeat(20_000)}}`),
    importCode: 'INVALID_RECORD',
  },
  { name: 'JSON sent as BibTeX', file: 'a.bib', text: '[{"title": "x"}]', format: 'BIBTEX', importCode: 'INVALID_RECORD' },
  // RIS
  { name: 'RIS without a TY line', file: 'a.ris', text: ris(['TI  - No type', 'ER  - ']), importCode: 'SYNTAX' },
  { name: 'RIS cut off before ER', file: 'a.ris', text: ris(['TY  - JOUR', 'TI  - Cut off']), importCode: 'TRUNCATED' },
  {
    name: 'RIS without a title',
    file: 'a.ris',
    text: ris(['TY  - JOUR', 'ID  - r1', 'PY  - 2017', 'ER  - ']),
    importCode: 'INVALID_RECORD',
  },
  { name: 'RIS with malformed tags', file: 'a.ris', text: ris(['TY - JOUR', 'TI - One space', 'ER - ']), importCode: 'SYNTAX' },
  {
    name: 'RIS with 5,000 authors',
    file: 'a.ris',
    text: ris(['TY  - JOUR', 'ID  - r2', 'TI  - Many', ...Array.from({ length: 5000 }, (_, i) => `AU  - Author${i}, A`), 'ER  - ']),
    importCode: 'TOO_MANY_AUTHORS',
  },
  // JSON Lines
  { name: 'JSON Lines with a list on a line', file: 'a.jsonl', text: '[1, 2]\n', format: 'OPENALEX', importCode: 'SYNTAX' },
  { name: 'JSON Lines cut off mid-record', file: 'a.jsonl', text: openalex('"title": "Cut'), format: 'OPENALEX', importCode: 'TRUNCATED' },
  {
    name: 'JSON Lines with a numeric title',
    file: 'a.jsonl',
    text: `${openalex('"title": 5')}\n`,
    format: 'OPENALEX',
    importCode: 'INVALID_RECORD',
  },
  { name: 'JSON Lines with a null line', file: 'a.jsonl', text: 'null\n', format: 'SEMANTIC_SCHOLAR', importCode: 'SYNTAX' },
  {
    name: 'JSON Lines whose second line is garbage',
    file: 'a.jsonl',
    text: `${openalex('"title": "Fine", "publication_year": 2017')}\nnot json at all\n`,
    format: 'OPENALEX',
    importCode: 'SYNTAX',
  },
  {
    name: 'JSON Lines with a record nested 50,000 objects deep',
    file: 'a.jsonl',
    text: `{"paperId": "p1", "title": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}\n`,
    format: 'SEMANTIC_SCHOLAR',
    importCode: 'INVALID_RECORD',
  },
  {
    name: 'arXiv JSON Lines without authors_parsed or title',
    file: 'a.jsonl',
    text: '{"id": "1701.07875"}\n',
    format: 'ARXIV',
    importCode: 'INVALID_RECORD',
  },
  // CSL-JSON
  { name: 'CSL-JSON that is a string', file: 'a.json', text: '"just a string"', format: 'CSL_JSON', importCode: 'SYNTAX' },
  { name: 'CSL-JSON of numbers', file: 'a.json', text: '[1, 2, 3]', format: 'CSL_JSON', importCode: 'SYNTAX' },
  {
    name: 'CSL-JSON cut off',
    file: 'a.json',
    text: '[{"id": "c1", "type": "article", "title": "Cut',
    format: 'CSL_JSON',
    importCode: 'TRUNCATED',
  },
  {
    name: 'CSL-JSON with a title that is an object',
    file: 'a.json',
    text: '[{"id": "c1", "type": "article", "title": {"$ne": null}}]',
    format: 'CSL_JSON',
    importCode: 'INVALID_RECORD',
  },
  {
    name: 'CSL-JSON with one id twice',
    file: 'a.json',
    text: '[{"id": "c1", "type": "article", "title": "A"}, {"id": "c1", "type": "article", "title": "B"}]',
    format: 'CSL_JSON',
    importCode: 'DUPLICATE_RECORD',
  },
  {
    name: 'CSL-JSON nested 100,000 arrays deep',
    file: 'a.json',
    text: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    format: 'CSL_JSON',
    importCode: 'SYNTAX',
  },
  // No format at all
  { name: 'text in no format', file: 'notes', text: 'Just some words, no records.', importCode: 'UNKNOWN_FORMAT' },
  { name: 'gzip bytes sent as text', file: 'records', text: '\u001f\u008b\u0008\u0004\u00ff\u00fe binary', importCode: 'UNKNOWN_FORMAT' },
];

const mutation = 'mutation($t: String, $n: String, $f: RecordFormat) { importRecords(text: $t, name: $n, format: $f) { records } }';

export const malformedRecordRequests: HostileRequest[] = malformed.map((m) => ({
  name: `importRecords: ${m.name}`,
  query: mutation,
  variables: { t: m.text, n: m.file, f: m.format ?? null },
  auth: 'curator',
  expect: { code: 'BAD_USER_INPUT', extensions: { importCode: m.importCode } },
}));
