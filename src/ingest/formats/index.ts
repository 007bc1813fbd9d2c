/**
 * Which format a file is in, and its records one by one. Files are told apart by name
 * (.bib, .ris, .jsonl, .jsonl.gz, .json) and, for JSON, by the shape of the first record;
 * `format` overrides both. JSON Lines are streamed; the other formats are read whole (within
 * InputLimits.maxFileBytes).
 */
import { open } from 'node:fs/promises';
import { createGunzip, constants as zlibConstants } from 'node:zlib';
import { errorMessage } from '../../errors.js';
import { checkRecord, ImportError, type ImportIssue, type WorkRecord } from '../records.js';
import { parseBibtex } from './bibtex.js';
import { defaultLimits, type InputLimits, isGzip, type Line, readLines, readWholeFile } from './input.js';
import { fromArxiv, fromCsl, fromOpenAlex, fromSemanticScholar, type Place } from './json-records.js';
import { parseRis } from './ris.js';

export const recordFormats = ['bibtex', 'ris', 'csl-json', 'openalex', 'semantic-scholar', 'arxiv'] as const;
export type RecordFormat = (typeof recordFormats)[number];

/** A file on disk (`path`) or text given directly (the GraphQL mutation); `name` is shown in errors and kept as the source. */
export interface RecordInput {
  name: string;
  path?: string;
  text?: string;
}

/** How much of a file is read to tell its format: enough for the first record of most files. */
const HEAD_BYTES = 65536;

export type RecordItem = { record: WorkRecord } | { issue: ImportIssue };

const fromJson: Record<'csl-json' | 'openalex' | 'semantic-scholar' | 'arxiv', (o: Record<string, unknown>, place: Place) => WorkRecord> = {
  'csl-json': fromCsl,
  openalex: fromOpenAlex,
  'semantic-scholar': fromSemanticScholar,
  arxiv: fromArxiv,
};

/** Tells the format from the file's name and first bytes. */
export async function detectFormat(input: RecordInput): Promise<RecordFormat> {
  const name = input.name.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.bib') || name.endsWith('.bibtex')) return 'bibtex';
  if (name.endsWith('.ris')) return 'ris';
  const head = await headText(input);
  const trimmed = head.trimStart();
  if (/^@\w+\s*[{(]/m.test(trimmed) && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return 'bibtex';
  if (/^TY {2}- /m.test(trimmed)) return 'ris';
  const shape = (sample: string): RecordFormat | undefined => {
    if (/"authors_parsed"\s*:/.test(sample)) return 'arxiv';
    if (/"https:\/\/openalex\.org\/W\d+"|"abstract_inverted_index"\s*:|"authorships"\s*:/.test(sample)) return 'openalex';
    if (/"paperId"\s*:|"externalIds"\s*:/.test(sample)) return 'semantic-scholar';
    if (/"issued"\s*:|"container-title"\s*:|"type"\s*:\s*"(article-journal|paper-conference|article|chapter|book|report)"/.test(sample))
      return 'csl-json';
    return undefined;
  };
  const found = shape(head) ?? shape((await firstLongLine(input, head)) ?? '');
  if (found) return found;
  throw new ImportError([
    { code: 'UNKNOWN_FORMAT', file: input.name, message: `cannot tell the format; name it with --format (${recordFormats.join(', ')})` },
  ]);
}

/**
 * The whole first line, when the head read holds only part of it and it may be a JSON Lines
 * record: an arXiv snapshot line for a paper with thousands of authors carries `authors_parsed`
 * after 100 KB of them. Undefined when the line cannot be read within the line limit (the import
 * itself says so, with its place).
 */
async function firstLongLine(input: RecordInput, head: string): Promise<string | undefined> {
  if (head.includes('\n') || !head.trimStart().startsWith('{')) return undefined;
  if (input.text !== undefined) {
    const end = input.text.indexOf('\n');
    return end === -1 ? input.text : input.text.slice(0, end);
  }
  try {
    for await (const line of readLines(input.path!, input.name)) return line.text;
  } catch {
    return undefined;
  }
  return undefined;
}

/** True when the file is JSON Lines (one JSON object per line) rather than one JSON document. */
async function isJsonLines(input: RecordInput): Promise<boolean> {
  if (/\.(jsonl|ndjson)(\.gz)?$/i.test(input.name)) return true;
  if (/\.json(\.gz)?$/i.test(input.name)) return false;
  const head = (await headText(input)).trimStart();
  return head.startsWith('{') && /^\{.*\}\s*$/m.test(head.split('\n')[0]!) && !/^\{\s*"(results|data|meta)"/.test(head);
}

async function headText(input: RecordInput): Promise<string> {
  if (input.text !== undefined) return input.text.slice(0, HEAD_BYTES);
  const handle = await open(input.path!, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let bytes: Buffer = buffer.subarray(0, bytesRead);
    if (isGzip(bytes)) bytes = await gunzipPrefix(bytes);
    return new TextDecoder('utf-8').decode(bytes);
  } finally {
    await handle.close();
  }
}

/** Inflates the start of a gzip file (up to 64 KB of text), enough to sniff the first record. */
function gunzipPrefix(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(out).subarray(0, HEAD_BYTES));
    const gunzip = createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
    gunzip.on('data', (chunk: Buffer) => {
      out.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) gunzip.destroy();
    });
    gunzip.on('error', done).on('end', done).on('close', done);
    gunzip.end(bytes);
  });
}

/**
 * The records of a file, each checked (schema and limits) and duplicates reported, with the
 * problems in the order they occur. Memory: one line at a time for JSON Lines, plus the set of
 * record ids seen (for duplicates).
 */
export async function* readRecords(
  input: RecordInput,
  format: RecordFormat,
  limits: InputLimits = defaultLimits,
): AsyncGenerator<RecordItem> {
  const seen = new Set<string>();
  for await (const item of rawRecords(input, format, limits)) {
    if ('issue' in item) {
      yield item;
      continue;
    }
    const record = composed(item.record);
    const issues = checkRecord(record);
    if (seen.has(record.source.record)) {
      issues.push({
        code: 'DUPLICATE_RECORD',
        file: record.source.name,
        line: record.source.line,
        record: record.source.record,
        message: 'the same record id occurs earlier in the file',
      });
    }
    seen.add(record.source.record);
    if (issues.length) for (const issue of issues) yield { issue };
    else yield { record };
  }
}

async function* rawRecords(input: RecordInput, format: RecordFormat, limits: InputLimits): AsyncGenerator<RecordItem> {
  if (format === 'bibtex' || format === 'ris') {
    const text = await wholeText(input, limits);
    const { records, issues } = (format === 'bibtex' ? parseBibtex : parseRis)(text, input.name);
    for (const issue of issues) yield { issue };
    for (const record of records) yield { record };
    return;
  }
  const map = fromJson[format];
  if (await isJsonLines(input)) {
    let index = 0;
    for await (const line of lines(input, limits)) {
      if (!line.text.trim()) continue;
      index += 1;
      const parsed = parseJson(line.text, input.name, line);
      if ('issue' in parsed) yield parsed;
      else if (!isObject(parsed.value))
        yield { issue: { code: 'SYNTAX', file: input.name, line: line.number, message: 'a JSON Lines line must hold one JSON object' } };
      else yield { record: map(parsed.value, { file: input.name, line: line.number, index }) };
    }
    return;
  }
  const text = await wholeText(input, limits);
  const parsed = parseJson(text, input.name);
  if ('issue' in parsed) {
    yield parsed;
    return;
  }
  const value = parsed.value;
  const items = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.results)
      ? value.results
      : isObject(value) && Array.isArray(value.data)
        ? value.data
        : isObject(value)
          ? [value]
          : null;
  if (!items) {
    yield { issue: { code: 'SYNTAX', file: input.name, message: 'expected a JSON array of records or an object with "results"' } };
    return;
  }
  for (const [i, item] of items.entries()) {
    if (isObject(item)) yield { record: map(item, { file: input.name, index: i + 1 }) };
    else yield { issue: { code: 'SYNTAX', file: input.name, record: `#${i + 1}`, message: 'a record must be a JSON object' } };
  }
}

/** Text in Unicode's composed form (LaTeX accents and some exports give "e" + a combining accent). */
function composed(record: WorkRecord): WorkRecord {
  const nfc = (text: string | undefined) => text?.normalize('NFC');
  return {
    ...record,
    title: nfc(record.title)!,
    ...(record.abstract ? { abstract: nfc(record.abstract) } : {}),
    ...(record.venue ? { venue: nfc(record.venue) } : {}),
    authors: record.authors.map((a) => ({ ...a, name: nfc(a.name)! })),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

async function wholeText(input: RecordInput, limits: InputLimits): Promise<string> {
  if (input.text !== undefined) return input.text;
  return readWholeFile(input.path!, input.name, limits);
}

async function* lines(input: RecordInput, limits: InputLimits): AsyncGenerator<Line> {
  if (input.text === undefined) {
    yield* readLines(input.path!, input.name, limits);
    return;
  }
  const all = input.text.split('\n');
  for (const [i, text] of all.entries()) {
    if (Buffer.byteLength(text) > limits.maxLineBytes)
      throw new ImportError([
        { code: 'LINE_TOO_LONG', file: input.name, line: i + 1, message: `has a line longer than ${limits.maxLineBytes} bytes; refused` },
      ]);
    yield { number: i + 1, text: text.replace(/\r$/, ''), last: i === all.length - 1 };
  }
}

function parseJson(text: string, file: string, line?: Line): { value: unknown } | { issue: ImportIssue } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = errorMessage(error);
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    const atEnd =
      /end of JSON input|Unterminated string/i.test(message) || (Number.isFinite(position) && position >= text.trimEnd().length - 1);
    const truncated = atEnd && (!line || line.last);
    const at = line?.number ?? (Number.isFinite(position) ? text.slice(0, position).split('\n').length : undefined);
    return {
      issue: {
        code: truncated ? 'TRUNCATED' : 'SYNTAX',
        file,
        ...(at ? { line: at } : {}),
        message: truncated
          ? 'the JSON ends early (the file may be truncated)'
          : `is not valid JSON (${message.replace(/^.*?: /, '').slice(0, 120)})`,
      },
    };
  }
}
