/**
 * A floor under search by meaning and free-text concepts, with the real default model, on
 * tests/eval/paraphrases.yaml: the counts measured with `npm run bench:semantic` when this test
 * was written (bench/RESULTS.md, "Free-text concepts: a concept that shares words with the text"),
 * less one per split for a tie that another test's curation may tip. A change that makes these
 * answers worse fails here; one that makes them better should raise the floor.
 */
import { describe, expect, it } from 'vitest';
import { seedPack, workIdOf } from '../eval/eval-set.js';
import { paraphraseQuestions, scoreConcepts, scoreParaphrasesAsConcepts, scoreSearch } from '../eval/semantic-score.js';
import { useSemanticApi } from './embedder.js';

const api = useSemanticApi();
const toWork = workIdOf(seedPack());

/** Measured with bge-small-en-v1.5-q, tune / report: 24 / 23 of 25, 12 / 9 of 13, 20 / 22 of 25; less one. */
const floors = {
  hybridSearch: { tune: 23, report: 22 },
  conceptsResolved: { tune: 11, report: 8 },
  paraphrasesThroughRelatedToConcept: { tune: 19, report: 21 },
};

describe('search by meaning and free-text concepts on tests/eval/paraphrases.yaml', () => {
  it('HYBRID search finds an expected work in the top 5 for at least its floor of paraphrases', async () => {
    const { bySplit, misses } = await scoreSearch(api.db, api.model.embedder, paraphraseQuestions, 'HYBRID', toWork);
    for (const split of ['tune', 'report'] as const) {
      expect(bySplit[split].hits, `${split}; missed: ${misses.join('; ')}`).toBeGreaterThanOrEqual(floors.hybridSearch[split]);
    }
  });

  it('resolves at least its floor of free-text concepts to an expected concept', async () => {
    const { bySplit, wrong } = await scoreConcepts(api.db, api.model.embedder);
    for (const split of ['tune', 'report'] as const) {
      expect(bySplit[split].right, `${split}; wrong: ${wrong.join('; ')}`).toBeGreaterThanOrEqual(floors.conceptsResolved[split]);
    }
  });

  it('answers at least its floor of paraphrases, asked of relatedToConcept, with an expected work in the top 5', async () => {
    const { bySplit, misses } = await scoreParaphrasesAsConcepts(api.db, api.model.embedder, toWork);
    for (const split of ['tune', 'report'] as const) {
      expect(bySplit[split].hits, `${split}; missed: ${misses.join('; ')}`).toBeGreaterThanOrEqual(
        floors.paraphrasesThroughRelatedToConcept[split],
      );
    }
  });
});
