/**
 * The common shape every bibliographic format is read into (a "work record"), the identifiers
 * that name a work across sources, and the errors an import reports.
 *
 * Contract:
 * - Identifiers are normalised once, here: a DOI lowercased without its resolver prefix, an arXiv
 *   id without "arXiv:" and without its version, an OpenAlex id as "W123", a DBLP key as its path.
 * - Every record says where it came from: the source (a file name or a source name given by the
 *   caller), the record's own id in it (a citation key, an OpenAlex id), and the line it starts on.
 * - A record is checked with `workRecordSchema`; its limits (authors, references, text lengths) are
 *   those below, so one bad record cannot make an import unbounded.
 */
import { z } from 'zod';
import { omitEmpty } from './omit.js';

export const limits = {
  authors: 1000,
  references: 5000,
  concepts: 200,
  title: 1000,
  abstract: 20_000,
  venue: 500,
  name: 300,
} as const;

export const idKinds = ['doi', 'arxiv', 'openalex', 's2', 'dblp'] as const;
export type IdKind = (typeof idKinds)[number];

const doi = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as "10.1073/pnas.1611835114"');
const arxiv = z.string().regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/, 'an arXiv id such as "1701.07875" or "cs/0112017"');
const openalex = z.string().regex(/^W\d+$/, 'an OpenAlex work id such as "W2963826681"');
const s2 = z.string().regex(/^[0-9a-f]{40}$|^CorpusId:\d+$/, 'a Semantic Scholar paper id (40 hex digits)');
const dblp = z.string().regex(/^[a-z]+\/[\w/.-]+$/, 'a DBLP key such as "conf/icml/ArjovskyCB17"');

export const workIdsSchema = z.strictObject({
  doi: doi.optional(),
  arxiv: arxiv.optional(),
  openalex: openalex.optional(),
  s2: s2.optional(),
  dblp: dblp.optional(),
});

export const authorSchema = z.strictObject({
  name: z.string().trim().min(1).max(limits.name),
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'an ORCID such as "0000-0002-1825-0097"')
    .optional(),
});

export const workRecordSchema = z.strictObject({
  /** Where the record came from: a file name (or source name), the record's id there, its first line. */
  source: z.strictObject({ name: z.string().min(1), record: z.string().min(1).max(300), line: z.number().int().positive().optional() }),
  ids: workIdsSchema,
  title: z.string().trim().min(1, 'has no title').max(limits.title),
  year: z.number().int().min(1000).max(2100).optional(),
  venue: z.string().trim().min(1).max(limits.venue).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  authors: z.array(authorSchema).max(limits.authors, `has more than ${limits.authors} authors`),
  abstract: z.string().trim().min(1).max(limits.abstract).optional(),
  /** Works this one cites, each named by at least one identifier. */
  references: z.array(workIdsSchema).max(limits.references, `has more than ${limits.references} references`),
  /** Subject names the source gives (OpenAlex concepts and topics, arXiv categories, keywords). */
  concepts: z.array(z.string().trim().min(1).max(200)).max(limits.concepts),
  /** The name of each field in the source format, for provenance ("display_name", "title"). */
  fields: z.record(z.string(), z.string()),
});

export type WorkIds = z.infer<typeof workIdsSchema>;
export type WorkRecord = z.infer<typeof workRecordSchema>;
export type Author = z.infer<typeof authorSchema>;

export const importErrorCodes = [
  'UNKNOWN_FORMAT',
  'ENCODING',
  'SYNTAX',
  'TRUNCATED',
  'LINE_TOO_LONG',
  'FILE_TOO_LARGE',
  'GZIP_BOMB',
  'DUPLICATE_RECORD',
  'TOO_MANY_AUTHORS',
  'INVALID_RECORD',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

/** One problem of an input file, with its place: `refs.bib:212 entry "arjovsky17a": unbalanced braces`. */
export interface ImportIssue {
  code: ImportErrorCode;
  file: string;
  line?: number;
  record?: string;
  message: string;
}

export function formatIssue(issue: ImportIssue): string {
  const place = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const record = issue.record ? ` entry "${issue.record}"` : '';
  return `${place}${record}: ${issue.message} [${issue.code}]`;
}

/** The input is not importable; nothing was written. Holds every problem found (up to a limit). */
export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ImportError';
  }

  get code(): ImportErrorCode {
    return this.issues[0]!.code;
  }
}

/** A DOI as stored: lowercased, without "https://doi.org/" or "doi:". Undefined when it is not one. */
export function normaliseDoi(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const doi = value
    .trim()
    .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
  return doi.startsWith('10.') ? doi : undefined;
}

/** An arXiv id without prefix, URL or version ("arXiv:1701.07875v3" -> "1701.07875"). */
export function normaliseArxiv(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value
    .trim()
    .replace(/^https?:\/\/arxiv\.org\/(abs|pdf)\//i, '')
    .replace(/^arxiv:\s*/i, '')
    .replace(/\.pdf$/i, '')
    .replace(/v\d+$/, '');
  return arxiv.safeParse(id).success ? id : undefined;
}

/** An OpenAlex work id from its URL or id ("https://openalex.org/W123" -> "W123"). */
export function normaliseOpenAlex(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value
    .trim()
    .replace(/^https?:\/\/(api\.)?openalex\.org\/(works\/)?/i, '')
    .toUpperCase();
  return /^W\d+$/.test(id) ? id : undefined;
}

export function normaliseOrcid(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value
    .trim()
    .replace(/^https?:\/\/orcid\.org\//i, '')
    .toUpperCase();
  return /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(id) ? id : undefined;
}

/** Letters that Unicode does not decompose into a base letter and an accent. */
const foldedLetters: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', þ: 'th' };

/** Lowercase ASCII words, accents folded and punctuation dropped: the form names and titles are compared in. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłøæßđþ]/g, (c) => foldedLetters[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The last word of a name ("Léon Bottou" -> "bottou"), folded. */
export function surname(name: string): string {
  const words = foldText(name).split(' ');
  return words[words.length - 1] ?? '';
}

/** Identity of a work without identifiers: folded title, year and first author's surname. */
export function titleKey(record: Pick<WorkRecord, 'title'>): string {
  return foldText(record.title);
}

/** The identifier keys of a work ("doi:10.1/x", "arxiv:1701.07875"), most specific first. */
export function idKeys(ids: Readonly<Partial<Record<IdKind, unknown>>>): string[] {
  return idKinds.filter((kind) => ids[kind]).map((kind) => `${kind}:${String(ids[kind])}`);
}

/** Drops undefined values, so that optional fields are absent rather than undefined. */
export function compact<T extends object>(value: T): T {
  return omitEmpty(value, (v) => v === undefined || v === null || v === '');
}

/** Parses a year from "2017", "2017-07-06" or a number. */
export function yearOf(value: unknown): number | undefined {
  const match = /^\s*(\d{4})/.exec(String(value ?? ''));
  return match ? Number(match[1]) : undefined;
}

/** Checks one record against the schema and its limits; returns the issues (none when valid). */
export function checkRecord(record: WorkRecord): ImportIssue[] {
  const result = workRecordSchema.safeParse(record);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    code: issue.path[0] === 'authors' && issue.code === 'too_big' ? 'TOO_MANY_AUTHORS' : 'INVALID_RECORD',
    file: record.source.name,
    line: record.source.line,
    record: record.source.record,
    message: issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  }));
}
