/**
 * BibTeX and BibLaTeX, read with @retorquere/bibtex-parser (the parser behind Better BibTeX for
 * Zotero): it expands @string macros and crossref, turns LaTeX accents and commands into Unicode,
 * splits names, and reports a broken entry without losing the others, so every problem of a file
 * is reported at once with its line.
 */
import { type Entry, parse } from '@retorquere/bibtex-parser';
import { compact, type ImportIssue, normaliseArxiv, normaliseDoi, type WorkRecord, yearOf } from '../records.js';

/** Entry types that are not works: a @proceedings volume is only crossref'ed by its papers. */
const notWorks = new Set(['proceedings', 'collection', 'mvproceedings', 'mvcollection', 'set', 'xdata']);

/**
 * A line longer than this is refused before parsing: the parser fails on a field of a few MB
 * ("Invalid array length", after seconds), and no real entry has a line near 1 MB.
 */
export const MAX_BIBTEX_LINE = 2 ** 20;

export function parseBibtex(text: string, file: string): { records: WorkRecord[]; issues: ImportIssue[] } {
  const lines = lineIndex(text);
  for (let start = 0, end = 0; start < text.length; start = end + 1) {
    end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_BIBTEX_LINE) {
      const message = `has a line longer than ${MAX_BIBTEX_LINE} characters; refused`;
      return { records: [], issues: [{ code: 'LINE_TOO_LONG', file, line: lines(start), message }] };
    }
  }
  const library = parse(text, { sentenceCase: false, english: false, caseProtection: false, unsupported: 'ignore' });
  const issues: ImportIssue[] = [];
  const badInputs = new Set<string>();

  for (const error of library.errors) {
    const at = error.input ? text.indexOf(error.input) : -1;
    const key = /^@\w+\s*[{(]\s*([^,\s]+)/.exec(error.input ?? '')?.[1];
    if (error.input) badInputs.add(error.input);
    issues.push(
      compact<ImportIssue>({
        code: 'SYNTAX',
        file,
        line: at >= 0 ? lines(at) : undefined,
        record: key,
        message: /unterminated brace|unbalanced|token mismatch, expected "}"/i.test(error.error)
          ? 'unbalanced braces'
          : // The parser's own message, without the entry it may quote after it.
            error.error
              .split('\n')[0]!
              .replace(/ at line \d+, column \d+/, '')
              .slice(0, 200),
      }),
    );
  }

  const records: WorkRecord[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    const at = text.indexOf(`{${entry.key}`, cursor);
    const line = at >= 0 ? lines(at) : undefined;
    if (at >= 0) cursor = at;
    if (badInputs.has(entry.input) || Object.keys(entry.fields).length === 0 || notWorks.has(entry.type.toLowerCase())) continue;
    records.push(toRecord(entry, file, line));
  }
  return { records, issues };
}

function toRecord(entry: Entry, file: string, line: number | undefined): WorkRecord {
  const f = entry.fields;
  const eprintType = (f.archiveprefix ?? f.eprinttype ?? '').toLowerCase();
  const dblp = /dblp\.org\/rec\/(.+?)(\.bib|\.html)?$/.exec(f.biburl ?? '')?.[1] ?? /^DBLP:(.+)$/.exec(entry.key)?.[1];
  const arxiv =
    (eprintType === 'arxiv' || /^\d{4}\.\d{4,5}/.test(f.eprint ?? '') ? normaliseArxiv(f.eprint) : undefined) ??
    normaliseArxiv(/arxiv\.org\/(?:abs|pdf)\/([^\s}]+)/i.exec(f.url ?? '')?.[1]) ??
    normaliseArxiv(/arXiv:\s*(\S+)/i.exec(f.journal ?? f.note ?? '')?.[1]);
  const authors = (f.author ?? []).filter((a) => (a.name ?? a.lastName) !== 'others' && (a.lastName || a.name));
  return {
    source: compact({ name: file, record: entry.key, line }),
    ids: compact({ doi: normaliseDoi(f.doi), arxiv, dblp }),
    title: (f.title ?? '').replace(/\s+/g, ' ').trim(),
    ...compact({
      year: yearOf(f.year ?? f.date),
      venue: f.booktitle ?? f.journal ?? f.journaltitle ?? f.eventtitle,
      url: /^https?:\/\//.test(f.url ?? '') ? f.url : undefined,
      abstract: f.abstract?.replace(/\s+/g, ' ').trim(),
    }),
    authors: authors.map((a) => ({ name: a.name ?? [a.firstName, a.prefix, a.lastName, a.suffix].filter(Boolean).join(' ') })),
    references: [],
    concepts: f.keywords ?? [],
    fields: {
      title: 'title',
      year: f.year ? 'year' : 'date',
      venue: f.booktitle ? 'booktitle' : 'journal',
      abstract: 'abstract',
      authors: 'author',
      concepts: 'keywords',
    },
  };
}

/** Offset -> 1-based line, by binary search over the newline offsets. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
