/**
 * Curators' changes to the knowledge: each runs in one write transaction that checks its
 * source, writes, and records a Change node (who, when, what, from what source).
 */
import { BadUserInputError, DomainError, NotFoundError } from '../errors.js';
import type { Database, Params, Row } from './database.js';
import type { Entity } from '../model/rows.js';

export interface CurationSource {
  /** A stored source document and a 1-based line of it, whose text must contain `quote`... */
  document?: string | null;
  line?: number | null;
  /** ...or an address where the fact can be checked. */
  url?: string | null;
  quote: string;
}

type Run = (statement: string, params?: Params) => Promise<Row[]>;

/** Fails unless the quote occurs on the named line of a stored document. */
async function checkSource(run: Run, source: CurationSource | null | undefined) {
  if (!source?.document) return;
  const [row] = await run('curation/document-line', { document: source.document, line: source.line ?? 0 });
  if (!row) throw new BadUserInputError(`source.document: unknown document "${source.document}"`, 'source');
  if (row.text === null) throw new BadUserInputError(`source.line: line ${source.line} is past the end of "${source.document}" (${row.lineCount} lines)`, 'source');
  if (!(row.text as string).includes(source.quote)) {
    throw new BadUserInputError(`source.quote: "${source.quote}" does not occur on line ${source.line} of "${source.document}"`, 'source');
  }
}

export interface Change {
  by: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
  source?: CurationSource | null;
}

/**
 * Runs `work` in one write transaction after checking the source, and records the change.
 * `work` returns the result (the changed node, say), or null when its target does not exist
 * (NOT_FOUND, and nothing is written).
 */
export async function curate<T>(db: Database, change: Change, work: (run: Run) => Promise<T | null>): Promise<T> {
  return db.writeTransaction(`curation:${change.action}`, async (run) => {
    await checkSource(run, change.source);
    const node = await work(run);
    if (node === null) throw new NotFoundError(`${change.action}: nothing found for ${change.target}`);
    await run('curation/record-change', {
      by: change.by,
      action: change.action,
      target: change.target,
      details: JSON.stringify(change.details ?? {}),
      source: change.source ? JSON.stringify(change.source) : null,
    });
    return node;
  });
}

/** The node a single-row statement returned, or null. */
export const nodeOf = (rows: Row[]) => (rows[0]?.node as Entity | undefined) ?? null;

/** Fails with CONFLICT when another concept already answers to `name`. */
export async function assertNameFree(run: Run, id: string, names: string[]) {
  for (const name of names) {
    const [owner] = await run('curation/name-owner', { id, name });
    if (owner) throw new DomainError(`"${name}" already names the concept "${owner.id as string}"`, 'CONFLICT');
  }
}

export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}
