/**
 * A floor under the ranking's quality: precision@5 and nDCG@10 on tests/eval/ranking.yaml, with
 * the structure of the graph alone (no embedding model), must not fall below the figures measured
 * when this test was written (bench/RESULTS.md, "Ranking quality"), less 0.03 for ties that may
 * order differently. A change that makes an answer worse fails here; one that makes it better
 * should raise the floor.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seedPack, workIdOf } from '../eval/eval-set.js';
import { scoreRanking } from '../eval/score.js';
import { connectTestDb } from './helpers.js';

/** Measured with `npm run bench:ranking` (model: none), less 0.03. */
const floors = {
  search: { tune: { precision5: 0.64, ndcg10: 0.63 }, report: { precision5: 0.67, ndcg10: 0.65 } },
  relatedToConcept: { tune: { precision5: 0.94, ndcg10: 0.92 }, report: { precision5: 0.91, ndcg10: 0.92 } },
  relatedWork: { tune: { precision5: 0.68, ndcg10: 0.79 }, report: { precision5: 0.83, ndcg10: 0.82 } },
};

const db = connectTestDb();
afterAll(() => db.close());

describe('ranking quality on tests/eval/ranking.yaml', () => {
  it('stays above its floor for every kind of question and both splits', async () => {
    const pack = seedPack();
    const { scores } = await scoreRanking(db, null, workIdOf(pack));
    for (const [kind, splits] of Object.entries(floors)) {
      for (const [split, floor] of Object.entries(splits)) {
        const measured = scores[kind as keyof typeof scores][split as 'tune' | 'report'];
        expect(measured.questions).toBeGreaterThan(0);
        expect(measured.precision5, `${kind} ${split} precision@5`).toBeGreaterThanOrEqual(floor.precision5);
        expect(measured.ndcg10, `${kind} ${split} nDCG@10`).toBeGreaterThanOrEqual(floor.ndcg10);
      }
    }
  });
});
