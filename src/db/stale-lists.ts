/**
 * Marking the precomputed related-work lists (src/graph/similarity.ts) stale: the statements a
 * write runs in its own transaction (curation, a pack load, an import of records), so that a list
 * a finished write has made wrong is never served. Computing the lists is src/graph's.
 */
import { scoreTuning } from '../model/vocabulary.js';
import type { Database, StatementRunner } from './database.js';

/** Whether lists are in use (a rebuild has begun): until then writes mark nothing and a refresh computes nothing. */
export async function listsInUse(db: Database): Promise<boolean> {
  const [row] = await db.read<{ used: boolean }>('similarity/uses-lists');
  return row?.used === true;
}

/** Above this many touched nodes, a write marks every list stale rather than tracing which. */
export const TRACE_AT_MOST = 2000;

/**
 * The statement (and its parameters) that marks stale what a write touching `ids` can change:
 * those lists, or all of them when `ids` are too many to trace.
 */
export function staleMarking(ids: string[]): { statement: string; params: Record<string, unknown> } {
  return ids.length > TRACE_AT_MOST
    ? { statement: 'similarity/mark-all-stale', params: {} }
    : { statement: 'similarity/mark-stale', params: { ids, hubLimit: scoreTuning.hubLimit } };
}

/** As staleMarking, for the related-to-concept lists (src/graph/concept-lists.ts). */
export function conceptStaleMarking(ids: string[]): { statement: string; params: Record<string, unknown> } {
  return ids.length > TRACE_AT_MOST
    ? { statement: 'similarity/mark-all-stale-concepts', params: {} }
    : { statement: 'similarity/mark-stale-concepts', params: { ids } };
}

/** What a write tells the concept marking about the concepts it touched (cypher/similarity/mark-changed-concepts.cypher). */
export interface ConceptChanges {
  /** Concepts whose RELATED_TO/BROADER links the write can have changed. */
  relinked?: string[];
  /**
   * True when the touched works' DISCUSSES links are as they were but for links to concepts
   * among the touched ids (a curation names the concept of the link it adds or removes), and so
   * is their title (it breaks ties between equal scores); by default every concept a touched work
   * discusses may have gained or lost it, or a list reached through it may order it anew (an
   * import, a pack, a curation of a paper or talk).
   */
  discussesKept?: boolean;
}

/**
 * The statement that gives the concepts through which a write touching `ids` can change lists
 * far from it a new change number (cypher/similarity/mark-changed-concepts.cypher); none when the
 * write marks every list stale anyway.
 */
export function changedConceptsMarking(
  ids: string[],
  { relinked = [], discussesKept = false }: ConceptChanges = {},
): { statement: string; params: Record<string, unknown> }[] {
  return ids.length > TRACE_AT_MOST
    ? []
    : [{ statement: 'similarity/mark-changed-concepts', params: { ids, relinked, discussesKept, hubLimit: scoreTuning.hubLimit } }];
}

/**
 * Marks stale every list (a work's or a concept's) a write that touched `ids` (works, concepts,
 * people, sessions) can have changed: the works' lists it reaches through concepts by the
 * concepts' change numbers (`changes` says which concepts changed how), which the next refresh
 * spreads to those works.
 */
export async function markStale(run: StatementRunner, ids: string[], changes: ConceptChanges = {}): Promise<number> {
  if (ids.length === 0) return 0;
  let marked = 0;
  for (const { statement, params } of [staleMarking(ids), ...changedConceptsMarking(ids, changes), conceptStaleMarking(ids)]) {
    const [row] = await run<{ marked: number }>(statement, params);
    marked += row?.marked ?? 0;
  }
  return marked;
}
