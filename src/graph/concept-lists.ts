/**
 * Precomputed related-to-concept lists: for every concept, its top LIST_SIZE works as
 * cypher/related/related-to-concept.cypher ranks them, stored as the work lists are: ids best first
 * and scores on a SimilarList node beside the concept, similarAt and similarBuiltEpoch on the
 * concept (cypher/similarity/write-concept-lists.cypher). relatedToConcept reads
 * the page's works from the list and builds the reasons for those works only
 * (cypher/related/concept-reasons-among.cypher); a stale or missing list is never served (the
 * answer is computed on the fly instead).
 *
 * Freshness as for the work lists (src/graph/similarity.ts): each concept carries an epoch
 * (similarEpoch) that every write able to change its list moves on
 * (cypher/similarity/mark-stale-concepts.cypher, run by src/db/stale-lists.ts in the write's own
 * transaction); a list is served only while it was computed for that epoch. A refresh computes
 * its lists by the statement, PARALLEL at a time; a rebuild, and a refresh whose concepts are
 * discussed by many times more works than the graph holds, ranks them in memory over the graph
 * read once (RelatedWorkRanker.rankConcept in src/graph/similarity-graph.ts), which costs the same
 * whatever the concepts: at a million papers the largest concept has 485,241 works.
 */
import type { Database } from '../db/database.js';
import type { RankedWork } from '../model/rows.js';
import { rankingParams } from './ranking.js';
import { loadRankingGraph, RelatedWorkRanker } from './similarity-graph.js';

/** How many works a concept's list keeps (as many as a work's). */
export const CONCEPT_LIST_SIZE = 50;
/** Concepts whose lists one write transaction stores. */
const BATCH = 100;
/** Lists computed at once (each is one read statement). */
const PARALLEL = 4;
/**
 * A refresh ranks its concepts in memory when they are discussed by this many times as many works
 * as the graph holds: the statement costs about 18 µs per work discussing its concept (8.9 s for
 * the 485,241 works of the largest concept at a million papers), reading the graph about 170 µs
 * per work of the graph (about 3 min at a million). A rebuild always ranks in memory.
 */
const IN_MEMORY_REACH_PER_WORK = 9;

interface Pending {
  id: string;
  epoch: number;
}

export interface ConceptRefresh {
  all?: boolean;
  since?: number;
  atMost?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The concept's works ranked on the fly (related-to-concept.cypher), by its id, name or alias; without reasons when `withReasons` is false. */
export function relatedToConceptOnTheFly(db: Database, key: string, limit: number, withReasons = true): Promise<RankedWork[]> {
  return db.read<RankedWork>('related/related-to-concept', { key: key.trim().toLowerCase(), limit, withReasons, ...rankingParams() });
}

/**
 * A concept's list by the statement, streamed: without the query timeout, which a concept of
 * hundreds of thousands of works can outlast on a busy machine (a refresh is a batch job; no
 * client waits on it).
 */
async function rankedForList(db: Database, id: string): Promise<RankedWork[]> {
  const rows: RankedWork[] = [];
  const params = { key: id.trim().toLowerCase(), limit: CONCEPT_LIST_SIZE, withReasons: false, ...rankingParams() };
  await db.stream<RankedWork>('related/related-to-concept', params, (row) => rows.push(row));
  return rows;
}

/** Computes and stores the lists of `batch`, PARALLEL statements at a time. */
async function computeBatch(db: Database, batch: Pending[]): Promise<void> {
  const lists: { id: string; epoch: number; ids: string[]; scores: number[] }[] = [];
  for (let i = 0; i < batch.length; i += PARALLEL) {
    const slice = batch.slice(i, i + PARALLEL);
    const ranked = await Promise.all(slice.map((c) => rankedForList(db, c.id)));
    slice.forEach((c, j) =>
      lists.push({ id: c.id, epoch: c.epoch, ids: ranked[j]!.map((r) => String(r.work.id)), scores: ranked[j]!.map((r) => r.score) }),
    );
  }
  await db.write('similarity/write-concept-lists', { lists, at: Date.now() }, { bounded: false });
}

/**
 * Computes every stale concept list, and every missing one (lists are in use when this is
 * called: refreshSimilarity checks), in id order, BATCH concepts per transaction. `all` and
 * `since` as refreshSimilarity's: a full rebuild that resumes; `atMost` bounds the lists computed.
 */
export async function refreshConceptLists(
  db: Database,
  { all = false, since = Date.now(), atMost = Number.POSITIVE_INFINITY, onProgress }: ConceptRefresh = {},
): Promise<number> {
  const params = { all, since, fillMissing: true };
  const [count] = await db.read<{ n: number; reach: number; works: number }>('similarity/count-pending-concepts', params);
  const total = Math.min(count?.n ?? 0, atMost);
  onProgress?.(0, total);
  if (total > 0 && (all || count!.reach >= count!.works * IN_MEMORY_REACH_PER_WORK)) {
    return refreshInMemory(db, params, total, onProgress);
  }
  let done = 0;
  let after = '';
  while (done < atMost) {
    const batch = await db.read<Pending>('similarity/pending-concepts', { ...params, after, batch: Math.min(BATCH, atMost - done) });
    if (batch.length === 0) break;
    await computeBatch(db, batch);
    done += batch.length;
    after = batch.at(-1)!.id;
    onProgress?.(done, Math.max(total, done));
  }
  return done;
}

/**
 * The first `total` pending lists, ranked in memory and written BATCH per transaction. The epochs
 * are read before the graph, as for the works' lists (src/graph/similarity.ts): a list computed
 * from a graph older than a write is stored for an epoch that write has moved on, so never served.
 */
async function refreshInMemory(
  db: Database,
  params: { all: boolean; since: number; fillMissing: boolean },
  total: number,
  onProgress: ConceptRefresh['onProgress'],
): Promise<number> {
  const pending: Pending[] = [];
  for (let after = ''; pending.length < total; after = pending.at(-1)!.id) {
    const page = await db.read<Pending>('similarity/pending-concepts', {
      ...params,
      after,
      batch: Math.min(10_000, total - pending.length),
    });
    if (page.length === 0) break;
    pending.push(...page);
  }
  const ranker = new RelatedWorkRanker(await loadRankingGraph(db));
  let done = 0;
  for (let i = 0; i < pending.length; i += BATCH) {
    const lists = pending.slice(i, i + BATCH).map((c) => {
      const items = ranker.rankConcept(c.id, CONCEPT_LIST_SIZE);
      return { id: c.id, epoch: c.epoch, ids: items.map((item) => item.id), scores: items.map((item) => item.score) };
    });
    await db.write('similarity/write-concept-lists', { lists, at: Date.now() }, { bounded: false });
    done += lists.length;
    onProgress?.(done, total);
  }
  return done;
}

/** Computes the lists of the concepts `ids` now, whatever their state (a benchmark's sample, say). */
export async function computeConceptListsFor(db: Database, ids: string[]): Promise<void> {
  await db.write('similarity/use-lists', { now: Date.now() });
  const concepts = await db.read<Pending>('similarity/concept-epochs', { ids });
  for (let i = 0; i < concepts.length; i += BATCH) await computeBatch(db, concepts.slice(i, i + BATCH));
}

export interface ConceptRanking {
  works: RankedWork[];
  /** When the list was computed (epoch ms); null when the answer was computed on the fly. */
  computedAt: number | null;
}

/**
 * relatedToConcept for a concept named by its id, name or alias (any letter case): from its list
 * when fresh and `limit` is within it (the page's works ranked with their reasons), on the fly
 * otherwise. No works for no such concept.
 */
export async function rankedRelatedToConcept(db: Database, concept: string, limit: number): Promise<ConceptRanking> {
  const [list] = await db.read<{ id: string; fresh: boolean; computedAt: number | null; ids: string[] }>('similarity/concept-list', {
    key: concept.trim().toLowerCase(),
  });
  if (!list) return { works: [], computedAt: null };
  if (!list.fresh || limit > CONCEPT_LIST_SIZE) return { works: await relatedToConceptOnTheFly(db, list.id, limit), computedAt: null };
  const works = await db.read<RankedWork>('related/concept-reasons-among', {
    id: list.id,
    works: list.ids.slice(0, limit),
    limit,
    ...rankingParams(),
  });
  return { works, computedAt: list.computedAt };
}
