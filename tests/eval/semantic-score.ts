/**
 * Scores search by meaning and free-text concepts on paraphrases.yaml (and the search questions of
 * ranking.yaml), through the functions the `search` and `relatedToConcept` fields call. Used by
 * bench/eval-semantic.ts (the figures in bench/RESULTS.md) and by the floor test
 * tests/integration/semantic-eval.test.ts.
 *
 *   hit@5    an expected work among the first 5 results (of any kind for search; works for relatedToConcept)
 *   nDCG@10  graded (ranking.yaml) or binary (paraphrases) gain 2^g - 1 over the first 10, each work once
 *
 * A talk and the paper it presents are one work (`toWork`, eval-set.ts's workIdOf).
 */
import type { Database } from '../../src/db/database.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { relatedToConceptText } from '../../src/embed/related.js';
import { resolveConcept } from '../../src/embed/resolve-concept.js';
import { type SearchMode, searchNodes } from '../../src/embed/search.js';
import { paraphrases, ranking, type Split } from './eval-set.js';
import { ndcgAt10 } from './score.js';

export interface SearchQuestion {
  split: Split;
  query: string;
  /** Work id to grade (1 or 2). */
  gains: Map<string, number>;
}

export const paraphraseQuestions: SearchQuestion[] = paraphrases.works.map((w) => ({
  split: w.split,
  query: w.phrase,
  gains: new Map(w.expected.map((e) => [e.id, 1])),
}));
export const rankingSearchQuestions: SearchQuestion[] = ranking.questions.flatMap((q) =>
  q.kind === 'search' ? [{ split: q.split, query: q.query, gains: new Map(q.expected.map((e) => [e.id, e.grade])) }] : [],
);

/** Counts per split. */
export type PerSplit<T> = Record<Split, T>;
const perSplit = <T>(make: () => T): PerSplit<T> => ({ tune: make(), report: make() });

/** `search` in `mode`: hits at 5 and summed nDCG@10 per split, and the queries missed. */
export async function scoreSearch(
  db: Database,
  embedder: Embedder | null,
  questions: SearchQuestion[],
  mode: SearchMode,
  toWork: (id: string) => string,
) {
  const bySplit = perSplit(() => ({ hits: 0, ndcg: 0, n: 0 }));
  const misses: string[] = [];
  for (const q of questions) {
    const page = await searchNodes(db, embedder, q.query, [], mode, { offset: 0, limit: 10 });
    const ids = page.items.map((hit) => toWork(hit.node.id as string));
    const hit = ids.slice(0, 5).some((id) => q.gains.has(id));
    const s = bySplit[q.split];
    s.n++;
    s.hits += Number(hit);
    s.ndcg += ndcgAt10(ids, q.gains);
    if (!hit) misses.push(q.query);
  }
  return { bySplit, misses };
}

/** Free-text concepts (paraphrases.yaml `concepts`): how many resolve first to an expected concept, per split. */
export async function scoreConcepts(db: Database, embedder: Embedder | null) {
  const bySplit = perSplit(() => ({ right: 0, n: 0 }));
  const wrong: string[] = [];
  for (const c of paraphrases.concepts) {
    const resolution = await resolveConcept(db, embedder, c.phrase);
    const first = resolution.resolved[0]?.concept.id as string | undefined;
    const right = first !== undefined && c.expected.includes(first);
    bySplit[c.split].n++;
    bySplit[c.split].right += Number(right);
    if (!right) wrong.push(`${c.phrase} → ${first ?? '(nothing)'} ${resolution.resolved[0]?.how ?? ''}`);
  }
  return { bySplit, wrong };
}

/**
 * The paraphrased searches asked of relatedToConcept as free text, as a researcher may: a hit is an
 * expected work among its first 5 works. A text no concept is close enough to answers NOT_FOUND
 * through the API (`notFound`), and counts as a miss.
 */
export async function scoreParaphrasesAsConcepts(db: Database, embedder: Embedder | null, toWork: (id: string) => string) {
  const bySplit = perSplit(() => ({ hits: 0, notFound: 0, n: 0 }));
  const misses: string[] = [];
  for (const q of paraphraseQuestions) {
    const { resolution, works } = await relatedToConceptText(db, embedder, q.query, 5);
    const hit = works.some((w) => q.gains.has(toWork(w.work.id as string)));
    const s = bySplit[q.split];
    s.n++;
    s.hits += Number(hit);
    s.notFound += Number(resolution.resolved.length === 0);
    if (!hit) misses.push(`${q.query} → ${resolution.resolved.map((r) => r.concept.id).join(', ') || '(nothing)'}`);
  }
  return { bySplit, misses };
}
