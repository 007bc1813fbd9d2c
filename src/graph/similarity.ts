/**
 * Precomputed related work: for every work a result can name (a talk, or a paper no talk
 * presents), its top LIST_SIZE related works and their scores, stored as two list properties of a
 * :SimilarList node beside it (cypher/similarity/write-lists.cypher).
 * A list is what the statement relatedWork runs on the fly (cypher/related/related-work.cypher)
 * answers, so the two rank alike; queries read the lists to find their candidates and rank those
 * exactly, with the reasons for the returned page only. A few lists are computed by that
 * statement, one run each; many (a rebuild, the end of an import) by the same ranking in memory
 * over the graph read once (src/graph/similarity-graph.ts), which is far cheaper per list.
 *
 * Freshness without clocks: each work carries an epoch (similarEpoch) that every write able to
 * change its list moves on (src/db/stale-lists.ts, in the write's own transaction for
 * curation); a list records the epoch it was computed for (similarBuiltEpoch) and is served only
 * while the two are equal. The same write labels the work SimilarDue, and storing a list for its
 * current epoch removes the label, so a refresh finds what to compute without reading every work.
 * What a write changes through a concept (its degree, its neighbours) reaches every work
 * discussing it or a neighbour of it, hundreds of thousands at a million papers: the write gives
 * the concept a change number instead, a list records the last one there was when it was computed
 * (similarChangeSeen) and is served only while none of its concepts has a higher one, and the next
 * unbounded refresh moves those works' epochs on, a concept at a time, before computing.
 * A stale or missing list is never served: the answer is computed on the fly instead, and
 * `refreshSimilarity` (after a mutation or an import, or `npm run similarity:rebuild`) brings the
 * lists up to date.
 */
import type { Database } from '../db/database.js';
import { listsInUse } from '../db/stale-lists.js';
import type { RankedWork } from '../model/rows.js';
import { withProgressBar } from '../progress.js';
import { refreshConceptLists } from './concept-lists.js';
import { relatedWork, relatedWorkAmong } from './ranking.js';
import { loadRankingGraph, RelatedWorkRanker } from './similarity-graph.js';

/** How many related works a list keeps. */
export const LIST_SIZE = 50;
/** Works whose lists one write transaction stores. */
const BATCH = 100;
/** Lists computed at once (each is one read statement). */
const PARALLEL = 4;
/**
 * From this share of the works on, pending lists are computed in memory: reading the graph costs
 * about as much as computing this share of the lists one statement each (bench/RESULTS.md).
 */
const IN_MEMORY_SHARE = 1 / 500;
/** At least this many pending lists for the in-memory path, whatever the graph's size. */
const IN_MEMORY_FROM = 200;
/** Lists one write transaction stores on the in-memory path. */
const WRITE_BATCH = 500;
/** Lists computed in memory between two turns of the event loop (a server refreshing stays responsive). */
const SLICE = 100;

export type SimilarityProgress = (done: number, total: number) => void;

interface Pending {
  id: string;
  epoch: number;
}

/** A list as similarity/write-lists.cypher stores it: the works' ids and their scores, best first. */
interface StoredList {
  id: string;
  epoch: number;
  ids: string[];
  scores: number[];
}

const stored = (work: Pending, items: { id: string; score: number }[]): StoredList => ({
  id: work.id,
  epoch: work.epoch,
  ids: items.map((item) => item.id),
  scores: items.map((item) => item.score),
});

/** The last concept change number given (cypher/similarity/mark-changed-concepts.cypher); read before the graph a list is computed from. */
async function lastConceptChange(db: Database): Promise<number> {
  const [row] = await db.read<{ change: number }>('similarity/concept-change');
  return row?.change ?? 0;
}

/** Computes and stores the lists of `batch`, PARALLEL statements at a time. */
async function computeBatch(db: Database, batch: Pending[], at: number): Promise<void> {
  const seen = await lastConceptChange(db);
  const lists: StoredList[] = [];
  for (let i = 0; i < batch.length; i += PARALLEL) {
    const slice = batch.slice(i, i + PARALLEL);
    const ranked = await Promise.all(slice.map((w) => relatedWork(db, [w.id], [], LIST_SIZE, false)));
    for (const [j, w] of slice.entries()) {
      const items = ranked[j]!.map((r) => ({ id: String(r.work.id), score: r.score }));
      lists.push(stored(w, items));
    }
  }
  await db.write('similarity/write-lists', { lists, at, seen }, { bounded: false });
}

export interface RefreshResult {
  computed: number;
  seconds: number;
  /** Related-to-concept lists computed (src/graph/concept-lists.ts), after the works'. */
  concepts?: number;
}

type RefreshOptions = { all?: boolean; since?: number; atMost?: number; onProgress?: SimilarityProgress };

/**
 * refreshWorkLists, then the concepts' lists (src/graph/concept-lists.ts) with what is left of
 * `atMost`, their progress counted after the works'.
 */
export async function refreshSimilarity(db: Database, options: RefreshOptions = {}): Promise<RefreshResult> {
  const started = performance.now();
  let worksTotal = 0;
  const works = await refreshWorkLists(db, {
    ...options,
    onProgress: (done, total) => {
      worksTotal = total;
      options.onProgress?.(done, total);
    },
  });
  const atMost = (options.atMost ?? Number.POSITIVE_INFINITY) - works.computed;
  if (atMost <= 0 || !(await listsInUse(db))) return works;
  const concepts = await refreshConceptLists(db, {
    all: options.all,
    since: options.since,
    atMost,
    onProgress: (done, total) => options.onProgress?.(works.computed + done, Math.max(worksTotal, works.computed) + total),
  });
  return { ...works, concepts, seconds: (performance.now() - started) / 1000 };
}

/**
 * Computes every stale list, and once lists are in use every missing one (a new work's): the
 * works labelled SimilarDue, in id order, BATCH works per transaction. `all`: every list, a full
 * rebuild started at `since`; one that stops half way resumes where it stopped when run again
 * with the same `since` (the lists it wrote are newer than that). `npm run similarity:rebuild`
 * keeps `since` for that. `atMost` bounds the lists computed in one call.
 */
async function refreshWorkLists(
  db: Database,
  { all = false, since = Date.now(), atMost = Number.POSITIVE_INFINITY, onProgress }: RefreshOptions = {},
): Promise<RefreshResult> {
  const started = performance.now();
  if (all) {
    await db.write('similarity/use-lists', { now: since });
    // Every list is computed from the graph as read from now on: no concept change is left to spread.
    await db.write('similarity/clear-changed-concepts');
  }
  // Before any rebuild nothing is stale or due: no scan of every work after each mutation.
  else if (!(await listsInUse(db))) return { computed: 0, seconds: (performance.now() - started) / 1000 };
  else {
    await labelDueWorks(db);
    // A bounded refresh (the part of one a mutation waits for) computes what the write marked
    // itself; the lists it reaches through concepts, perhaps hundreds of thousands, are left to
    // the unbounded one that follows (they are not served meanwhile).
    if (atMost === Number.POSITIVE_INFINITY) await spreadConceptChanges(db);
  }
  const params = { all, since };
  const pending = all ? 'similarity/pending-all' : 'similarity/pending';
  const [count] = await db.read<{ n: number }>(all ? 'similarity/count-pending-all' : 'similarity/count-pending', params);
  const total = count?.n ?? 0;
  onProgress?.(0, total);
  const [works] = await db.read<{ n: number }>('similarity/count-works');
  let done = 0;
  if (Math.min(total, atMost) >= Math.max(IN_MEMORY_FROM, (works?.n ?? 0) * IN_MEMORY_SHARE)) {
    done = await refreshInMemory(db, pending, params, total, atMost, onProgress);
  } else {
    let after = '';
    while ((done < total || after === '') && done < atMost) {
      const batch = await db.read<Pending>(pending, { ...params, after, batch: Math.min(BATCH, atMost - done) });
      if (batch.length === 0) break;
      await computeBatch(db, batch, Date.now());
      done += batch.length;
      after = batch.at(-1)!.id;
      onProgress?.(done, total);
    }
  }
  // A whole rebuild leaves no list missing: what is stale from now on, writes label as it goes.
  if (all && done < atMost) await db.write('similarity/due-labelled');
  return { computed: done, seconds: (performance.now() - started) / 1000 };
}

/**
 * Marks the works whose lists read a changed concept (cypher/similarity/spread-changes.cypher),
 * a concept per transaction, until none is left; returns the works marked.
 */
async function spreadConceptChanges(db: Database): Promise<number> {
  let marked = 0;
  for (;;) {
    const [row] = await db.write<{ marked: number }>('similarity/spread-changes', {}, { bounded: false });
    if (!row) return marked;
    marked += row.marked;
  }
}

/** Works read per statement while labelling the due ones. */
const LABEL_PAGE = 20_000;

/**
 * Once lists are in use, a refresh finds its work by the SimilarDue label, which writes set as
 * they make lists stale. Lists brought into use otherwise than by a whole rebuild (a benchmark's
 * sample) leave every other work's list missing, and a store from before the label has stale
 * works without it: the first refresh labels those, reading every work once.
 */
async function labelDueWorks(db: Database): Promise<void> {
  const [state] = await db.read<{ labelled: boolean }>('similarity/due-labels');
  if (!state || state.labelled) return;
  let after: string | null = '';
  while (after !== null) {
    const rows: { last: string | null }[] = await db.write('similarity/label-due', { after, batch: LABEL_PAGE });
    after = rows[0]?.last ?? null;
  }
  await db.write('similarity/due-labelled');
}

/**
 * refreshSimilarity's pending lists (at most `atMost`), computed in memory and written WRITE_BATCH
 * per transaction, the next batch computed while the last one is written. The lists' epochs are
 * read before the graph, and so is the last concept change number: a write after that moves the
 * epoch of every list it changes on, or gives a concept the list reads a higher change number, so
 * a list computed from a graph read before the write is never served, and computed again by the
 * next refresh.
 */
async function refreshInMemory(
  db: Database,
  statement: string,
  params: { all: boolean; since: number },
  total: number,
  atMost: number,
  onProgress: SimilarityProgress | undefined,
): Promise<number> {
  const pending: Pending[] = [];
  for (let after = ''; pending.length < atMost; after = pending.at(-1)!.id) {
    const page = await db.read<Pending>(statement, { ...params, after, batch: Math.min(10_000, atMost - pending.length) });
    if (page.length === 0) break;
    pending.push(...page);
  }
  const seen = await lastConceptChange(db);
  const ranker = new RelatedWorkRanker(await loadRankingGraph(db));
  let done = 0;
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < pending.length; i += WRITE_BATCH) {
    const lists: StoredList[] = [];
    for (const [j, w] of pending.slice(i, i + WRITE_BATCH).entries()) {
      lists.push(stored(w, ranker.rank(w.id, LIST_SIZE)));
      if (j % SLICE === SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    writing = db.write('similarity/write-lists', { lists, at: Date.now(), seen }, { bounded: false }).then(() => {
      done += lists.length;
      onProgress?.(done, total);
    });
    // Awaited on the next turn; handled now, so a failed write is not reported as unhandled meanwhile.
    writing.catch(() => undefined);
  }
  await writing;
  return done;
}

/** Computes the lists of the works `ids` now, whatever their state (a benchmark's sample, say). */
export async function computeListsFor(db: Database, ids: string[]): Promise<void> {
  await db.write('similarity/use-lists', { now: Date.now() });
  const works = await db.read<Pending>('similarity/epochs', { ids });
  for (let i = 0; i < works.length; i += BATCH) await computeBatch(db, works.slice(i, i + BATCH), Date.now());
}

export interface ListedRanking {
  works: RankedWork[];
  /** When the oldest list used was computed (epoch ms); null when the answer was computed on the fly. */
  computedAt: number | null;
}

/**
 * relatedWork for seed works: from their lists when every seed has a fresh one (the union of the
 * lists is the candidate set, ranked exactly with every seed's reasons), on the fly otherwise.
 * One seed ranks exactly as on the fly (its list is that ranking's top LIST_SIZE); several seeds
 * miss a work that is in none of their lists yet would rank in their joint first `limit`.
 */
export async function rankedRelatedWork(db: Database, ids: string[], exclude: string[], limit: number): Promise<ListedRanking> {
  const lists = await db.read<{ id: string; fresh: boolean; computedAt: number | null; ids: string[] }>('similarity/lists', { ids });
  // A list holds LIST_SIZE works: deeper pages, or a page that exclusions could empty, are ranked on the fly.
  if (lists.length === 0 || lists.some((list) => !list.fresh) || limit + exclude.length > LIST_SIZE) {
    return { works: await relatedWork(db, ids, exclude, limit), computedAt: null };
  }
  // One seed: its list is the ranking, so only the page is matched for its reasons.
  const candidates =
    lists.length === 1 && exclude.length === 0 ? lists[0]!.ids.slice(0, limit) : [...new Set(lists.flatMap((list) => list.ids))];
  const works = await relatedWorkAmong(db, ids, candidates, exclude, limit);
  return { works, computedAt: Math.min(...lists.map((list) => list.computedAt!)) };
}

/** After an import or a seed on the command line: the lists it made stale, computed again (when lists are in use). */
export async function refreshChangedLists(db: Database, log: (line: string) => void): Promise<void> {
  if (!(await listsInUse(db))) return;
  const result = await withProgressBar('related-work lists', (onProgress) => refreshSimilarity(db, { onProgress }), 0, 'works');
  log(`Related-work lists: ${result.computed} computed again in ${result.seconds.toFixed(1)} s.`);
}
