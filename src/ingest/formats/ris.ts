/**
 * RIS, the tagged format of EndNote, Zotero and most publishers: `TY  - JOUR` opens a record,
 * `ER  -` closes it, one `XX  - value` tag per line. It is simple enough that a small reader here
 * gives better errors (the line of an unclosed record, of a line that is not a tag) than the
 * general-purpose converters.
 */
import { compact, type ImportIssue, normaliseArxiv, normaliseDoi, type WorkRecord, yearOf } from '../records.js';

const tagLine = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

export function parseRis(text: string, file: string): { records: WorkRecord[]; issues: ImportIssue[] } {
  const records: WorkRecord[] = [];
  const issues: ImportIssue[] = [];
  let current: { line: number; tags: Map<string, string[]> } | null = null;
  let lastTag = '';
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const number = i + 1;
    if (!raw.trim()) continue;
    const match = tagLine.exec(raw.replace(/^\uFEFF/, ''));
    if (!match) {
      // A continuation of the previous value (abstracts wrap in some exports).
      if (current && lastTag && !/^[A-Z][A-Z0-9] {0,2}-/.test(raw)) {
        const values = current.tags.get(lastTag)!;
        values[values.length - 1] += ` ${raw.trim()}`;
        continue;
      }
      issues.push({ code: 'SYNTAX', file, line: number, message: `"${raw.slice(0, 40)}" is not a RIS tag line ("XX  - value")` });
      continue;
    }
    const [, tag, value = ''] = match;
    if (tag === 'TY') {
      if (current)
        issues.push({
          code: 'TRUNCATED',
          file,
          line: current.line,
          record: recordId(current.tags, current.line),
          message: 'record has no ER line before the next TY',
        });
      current = { line: number, tags: new Map() };
    } else if (!current) {
      issues.push({ code: 'SYNTAX', file, line: number, message: `tag ${tag} outside a record (a record starts with "TY  - ")` });
      continue;
    } else if (tag === 'ER') {
      records.push(toRecord(current.tags, file, current.line));
      current = null;
      continue;
    }
    if (!current.tags.has(tag!)) current.tags.set(tag!, []);
    current.tags.get(tag!)!.push(value.trim());
    lastTag = tag!;
  }
  if (current)
    issues.push({
      code: 'TRUNCATED',
      file,
      line: current.line,
      record: recordId(current.tags, current.line),
      message: 'record is not closed by "ER  -" (the file may be truncated)',
    });
  return { records, issues };
}

function recordId(tags: Map<string, string[]>, line: number): string {
  return tags.get('ID')?.[0] ?? `line ${line}`;
}

function toRecord(tags: Map<string, string[]>, file: string, line: number): WorkRecord {
  const first = (...names: string[]) => names.map((n) => tags.get(n)?.[0]).find((v) => v);
  const all = (...names: string[]) => names.flatMap((n) => tags.get(n) ?? []);
  const urls = all('UR', 'L1', 'L2');
  const arxiv =
    urls.map((u) => normaliseArxiv(/arxiv\.org\/(?:abs|pdf)\/(\S+)/i.exec(u)?.[1])).find(Boolean) ??
    normaliseArxiv(/arXiv:\s*(\S+)/i.exec(all('N1', 'M1', 'JO').join(' '))?.[1]);
  return {
    source: { name: file, record: recordId(tags, line), line },
    ids: compact({ doi: normaliseDoi(first('DO')), arxiv }),
    title: first('TI', 'T1', 'CT') ?? '',
    ...compact({
      year: yearOf(first('PY', 'Y1', 'DA')),
      venue: first('T2', 'JO', 'JF', 'BT', 'J2'),
      url: urls.find((u) => /^https?:\/\//.test(u)),
      abstract: first('AB', 'N2'),
    }),
    // RIS writes "Last, First"; the graph keeps "First Last".
    authors: all('AU', 'A1').map((name) => ({
      name: name.includes(',')
        ? name
            .split(',')
            .map((p) => p.trim())
            .reverse()
            .join(' ')
            .trim()
        : name,
    })),
    references: [],
    concepts: all('KW'),
    fields: { title: tags.has('TI') ? 'TI' : 'T1', year: 'PY', venue: 'T2', abstract: 'AB', authors: 'AU', concepts: 'KW' },
  };
}
