/**
 * Reading an input file safely: whole files decoded as strict UTF-8 with a size limit, and JSON
 * Lines streamed line by line (plain or gzip) with a limit on a line's length and on how much a
 * gzip file may inflate, so memory stays bounded whatever the input.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { asError, errorMessage } from '../../errors.js';
import { ImportError, type ImportErrorCode } from '../records.js';

export interface InputLimits {
  /** Largest file read whole (BibTeX, RIS, JSON): 256 MB. */
  maxFileBytes: number;
  /** Longest line of a JSON Lines file: 16 MB. */
  maxLineBytes: number;
  /** A gzip file that inflates more than this many times its size (after 8 MB) is refused: 200. */
  maxInflateRatio: number;
}

export const defaultLimits: InputLimits = { maxFileBytes: 256 * 2 ** 20, maxLineBytes: 16 * 2 ** 20, maxInflateRatio: 200 };

const fail = (code: ImportErrorCode, file: string, message: string, line?: number): never => {
  throw new ImportError([{ code, file, line, message }]);
};

/** Decodes bytes as UTF-8, refusing invalid sequences with the line they are on. A BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array, file: string, firstLine = 1): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the first bad byte by decoding growing prefixes line by line.
    let line = firstLine;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line += 1;
        start = i + 1;
      }
    }
    return fail('ENCODING', file, 'is not valid UTF-8 (save the file as UTF-8)', line);
  }
}

/** Reads a whole file as text, within `maxFileBytes`. */
export async function readWholeFile(path: string, file: string, limits = defaultLimits): Promise<string> {
  const { size } = await stat(path);
  if (size > limits.maxFileBytes)
    fail('FILE_TOO_LARGE', file, `is ${size} bytes; files of this format are read whole and may have at most ${limits.maxFileBytes}`);
  const bytes = await readFile(path);
  return decodeUtf8(isGzip(bytes) ? await gunzipWhole(bytes, file, limits) : bytes, file);
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzipWhole(bytes: Buffer, file: string, limits: InputLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of inflate(
    (async function* () {
      yield bytes;
    })(),
    file,
    limits,
  ))
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Inflates a gzip stream, refusing one that inflates beyond `maxInflateRatio` (a gzip bomb). */
async function* inflate(source: AsyncIterable<Buffer>, file: string, limits: InputLimits): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (gunzip.destroyed) return;
        if (!gunzip.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              gunzip.off('drain', done).off('close', done);
              resolve();
            };
            gunzip.on('drain', done).on('close', done);
          });
        }
      }
      gunzip.end();
    } catch (error) {
      gunzip.destroy(asError(error));
    }
  })();
  let inflated = 0;
  const inflating: AsyncIterable<Buffer> = gunzip;
  try {
    for await (const chunk of inflating) {
      inflated += chunk.length;
      // bytesWritten: the compressed bytes the inflater has consumed so far (not merely read).
      const consumed = Math.max(1, gunzip.bytesWritten);
      if (inflated > 8 * 2 ** 20 && inflated > limits.maxInflateRatio * consumed) {
        gunzip.destroy();
        fail(
          'GZIP_BOMB',
          file,
          `inflates more than ${limits.maxInflateRatio} times its size (${inflated} bytes from ${consumed}); refused as a gzip bomb`,
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = errorMessage(error);
    fail(/unexpected end/i.test(message) ? 'TRUNCATED' : 'SYNTAX', file, `is not a complete gzip file (${message})`);
  } finally {
    if (!gunzip.writableFinished) gunzip.destroy();
    await feed;
  }
}

export interface Line {
  /** 1-based line number. */
  number: number;
  text: string;
  /** True for the last line when the file does not end with a newline (perhaps truncated). */
  last: boolean;
}

/**
 * Streams the lines of a file (gzip or plain, told by its first bytes), decoded as UTF-8. Memory
 * holds one line at a time (and a read chunk); a line longer than `maxLineBytes` is refused.
 */
export async function* readLines(path: string, file: string, limits = defaultLimits): AsyncGenerator<Line> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const pieces: AsyncIterable<Buffer> = stream;
  const raw = (async function* () {
    yield* pieces;
  })();
  const first = await raw.next();
  if (first.done) return;
  const replay = (async function* () {
    yield first.value;
    yield* raw;
  })();
  const chunks = isGzip(first.value) ? inflate(replay, file, limits) : replay;

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  try {
    for await (const chunk of chunks) {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        const part = chunk.subarray(start, nl);
        if (pendingBytes + part.length > limits.maxLineBytes) tooLong(file, number + 1, limits);
        const bytes = pending.length ? Buffer.concat([...pending, part]) : part;
        pending = [];
        pendingBytes = 0;
        number += 1;
        yield { number, text: decodeUtf8(stripCr(bytes), file, number), last: false };
        start = nl + 1;
      }
      const rest = chunk.subarray(start);
      if (rest.length) {
        pendingBytes += rest.length;
        if (pendingBytes > limits.maxLineBytes) tooLong(file, number + 1, limits);
        pending.push(Buffer.from(rest));
      }
    }
    if (pendingBytes > 0) {
      number += 1;
      yield { number, text: decodeUtf8(stripCr(Buffer.concat(pending)), file, number), last: true };
    }
  } finally {
    stream.destroy();
  }
}

function stripCr(bytes: Buffer): Buffer {
  return bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
}

function tooLong(file: string, line: number, limits: InputLimits): never {
  return fail('LINE_TOO_LONG', file, `has a line longer than ${limits.maxLineBytes} bytes; refused`, line);
}
