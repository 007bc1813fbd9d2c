/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranked list gives an
 * item 1 / (k + rank), rank counted from 1, and an item's fused score is the sum over the lists
 * that hold it. Scores of different scales (Lucene's, cosine similarities) need no calibration;
 * k = 60 damps the head of each list so agreement between lists outweighs one list's top rank.
 */
export const RRF_K = 60;

export interface Fused<T> {
  item: T;
  score: number;
  /** The item's 1-based rank in each list, or null where the list does not hold it. */
  ranks: (number | null)[];
}

/**
 * Fuses ranked lists of items identified by `idOf`; best first, ties in the order first seen.
 * `weights` scale each list's terms (default 1 each).
 */
export function reciprocalRankFusion<T>(lists: T[][], idOf: (item: T) => string, k = RRF_K, weights: number[] = []): Fused<T>[] {
  const fused = new Map<string, Fused<T>>();
  lists.forEach((list, l) =>
    list.forEach((item, i) => {
      const id = idOf(item);
      let entry = fused.get(id);
      if (!entry) {
        entry = { item, score: 0, ranks: lists.map(() => null) };
        fused.set(id, entry);
      }
      if (entry.ranks[l] !== null) return; // an item counts once per list, at its best rank
      entry.ranks[l] = i + 1;
      entry.score += (weights[l] ?? 1) / (k + i + 1);
    }),
  );
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
