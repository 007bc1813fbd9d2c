/**
 * Concept links by meaning: the concepts whose embedding is closest to a work's text embedding,
 * and, for each, the sentence of the work that says it best. The import (src/ingest/meaning-links.ts)
 * and its evaluation (bench/eval-concept-links.ts) both choose links here, with the model's
 * `conceptLinkTopK` and `conceptLinkAtLeast` (models.ts).
 */
import { cosine, type Vector } from './embedder.js';

export interface ConceptVector {
  id: string;
  vector: Vector;
}

export interface ConceptByMeaning {
  concept: string;
  /** The cosine similarity of the work's and the concept's embeddings. */
  score: number;
}

/**
 * The `topK` concepts nearest the work among those not in `skip` (the concepts it is already
 * linked to, and those a curator removed), keeping those at `atLeast` or above; nearest first,
 * ties by id.
 */
export function nearestConcepts(
  work: Vector,
  concepts: readonly ConceptVector[],
  skip: ReadonlySet<string>,
  { topK, atLeast }: { topK: number; atLeast: number },
): ConceptByMeaning[] {
  return concepts
    .filter((c) => !skip.has(c.id))
    .map((c) => ({ concept: c.id, score: cosine(work, c.vector) }))
    .sort((a, b) => b.score - a.score || a.concept.localeCompare(b.concept))
    .slice(0, topK)
    .filter((c) => c.score >= atLeast);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of a text (Unicode sentence boundaries, Intl.Segmenter), trimmed, empty ones dropped. */
export function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

/** The index of the vector closest to `target` (the first of equals); -1 for none. */
export function closestIndex(target: Vector, vectors: readonly Vector[]): number {
  let best = -1;
  let bestScore = -Infinity;
  for (const [i, vector] of vectors.entries()) {
    const score = cosine(target, vector);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
