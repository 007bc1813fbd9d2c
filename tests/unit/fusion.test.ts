import { describe, expect, it } from 'vitest';
import { RRF_K, reciprocalRankFusion } from '../../src/embed/fusion.js';

const id = (s: string) => s;

describe('reciprocalRankFusion', () => {
  it('adds 1 / (k + rank) over the lists that hold an item', () => {
    const fused = reciprocalRankFusion(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      id,
    );
    expect(fused.map((f) => f.item)).toEqual(['b', 'a', 'c']);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
    expect(fused[0]!.ranks).toEqual([2, 1]);
    expect(fused[2]!.ranks).toEqual([null, 2]);
  });

  it('lets agreement between the lists beat one list’s first place', () => {
    const fused = reciprocalRankFusion(
      [
        ['top-words', 'both'],
        ['top-meaning', 'both'],
      ],
      id,
    );
    expect(fused[0]!.item).toBe('both');
  });

  it('counts an item once per list, at its best rank', () => {
    const fused = reciprocalRankFusion([['a', 'a', 'b']], id);
    expect(fused.map((f) => [f.item, f.ranks[0]])).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
  });
});

describe('weighted reciprocalRankFusion', () => {
  it('scales each list’s terms by its weight', () => {
    const fused = reciprocalRankFusion([['a'], ['b']], id, RRF_K, [1, 2]);
    expect(fused.map((f) => f.item)).toEqual(['b', 'a']);
    expect(fused[0]!.score).toBeCloseTo(2 / (RRF_K + 1));
  });
});
