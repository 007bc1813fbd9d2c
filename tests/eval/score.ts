/**
 * Scores the API's rankings on ranking.yaml: precision@5 and nDCG@10 per kind of question and per
 * split, through the same functions the `search`, `relatedToConcept` and `relatedWork` fields call.
 * Used by bench/eval-ranking.ts (the figures in bench/RESULTS.md) and by the floor test
 * tests/integration/ranking-eval.test.ts.
 *
 * A result is named as the set names it (`workIdOf`: a paper presented by a talk is that talk).
 * The same work returned twice takes two places in the list but counts once, so an answer that
 * repeats a work scores lower than one that gives another relevant work instead.
 *
 *   precision@5  relevant distinct works among the first 5 places, divided by 5 (or by the number
 *                of expected works when fewer than 5 are expected)
 *   nDCG@10      gain 2^grade - 1 over the first 10 places, discounted by log2(place + 1),
 *                divided by the best possible
 *
 * Search is asked for talks, papers and people only: the set names works (and people for "who"
 * questions), so a concept among the hits would count as a miss it is not.
 */
import type { Database } from '../../src/db/database.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { relatedToConceptText, relatedWorkWithMeaning } from '../../src/embed/related.js';
import { searchNodes } from '../../src/embed/search.js';
import { type RankingKind, type RankingQuestion, ranking, type Split } from './eval-set.js';

export interface Figures {
  precision5: number;
  ndcg10: number;
  questions: number;
}

export type Scores = Record<RankingKind, Record<Split, Figures>>;

/** The answer's ids, named as the set names them, for one question. */
async function answer(db: Database, embedder: Embedder | null, q: RankingQuestion): Promise<string[]> {
  switch (q.kind) {
    case 'search': {
      const page = await searchNodes(db, embedder, q.query, ['Talk', 'Paper', 'Person'], null, { offset: 0, limit: 10 });
      return page.items.map((hit) => hit.node.id as string);
    }
    case 'relatedToConcept':
      return (await relatedToConceptText(db, embedder, q.query, 10)).works.map((w) => w.work.id as string);
    case 'relatedWork':
      return (await relatedWorkWithMeaning(db, embedder, q.to, [], 10)).map((w) => w.work.id as string);
  }
}

export function precisionAt5(ids: string[], gains: Map<string, number>): number {
  const relevant = new Set(ids.slice(0, 5).filter((id) => gains.has(id)));
  return relevant.size / Math.min(5, gains.size);
}

export function ndcgAt10(ids: string[], gains: Map<string, number>): number {
  const seen = new Set<string>();
  let dcg = 0;
  ids.slice(0, 10).forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    dcg += (2 ** (gains.get(id) ?? 0) - 1) / Math.log2(i + 2);
  });
  const ideal = [...gains.values()]
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  return dcg / ideal;
}

export interface QuestionResult {
  question: RankingQuestion;
  ids: string[];
  precision5: number;
  ndcg10: number;
}

/** Every question of ranking.yaml answered and scored; `toWork` names an id as the set does. */
export async function scoreRanking(db: Database, embedder: Embedder | null, toWork: (id: string) => string) {
  const results: QuestionResult[] = [];
  for (const question of ranking.questions) {
    const ids = (await answer(db, embedder, question)).map(toWork);
    const gains = new Map(question.expected.map((e) => [e.id, e.grade as number]));
    results.push({ question, ids, precision5: precisionAt5(ids, gains), ndcg10: ndcgAt10(ids, gains) });
  }
  const scores = {} as Scores;
  for (const kind of ['search', 'relatedToConcept', 'relatedWork'] as const) {
    scores[kind] = {} as Record<Split, Figures>;
    for (const split of ['tune', 'report'] as const) {
      const mine = results.filter((r) => r.question.kind === kind && r.question.split === split);
      const mean = (f: (r: QuestionResult) => number) => mine.reduce((s, r) => s + f(r), 0) / mine.length;
      scores[kind][split] = { precision5: mean((r) => r.precision5), ndcg10: mean((r) => r.ndcg10), questions: mine.length };
    }
  }
  return { scores, results };
}
