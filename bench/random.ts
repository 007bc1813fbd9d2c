/**
 * Deterministic randomness for the synthetic knowledge graphs: a seeded PRNG (sfc32) and a
 * Zipf–Mandelbrot sampler, so that the same seed and scale always give the same pack.
 */

export type Random = () => number;

/** sfc32, seeded through splitmix32: fast, 128 bits of state, uniform in [0, 1). */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/** A whole number in [min, max]. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Fisher–Yates, in place. */
export function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Ranks 0..n-1 drawn with P(rank k) proportional to 1 / (k + 1 + q)^s (Zipf–Mandelbrot):
 * s sets how steep the tail is, q flattens the head. Sampling is a binary search in the CDF.
 */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    readonly s: number,
    readonly q = 0,
  ) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      total += 1 / (k + 1 + q) ** s;
      this.cdf[k] = total;
    }
    for (let k = 0; k < n; k++) this.cdf[k]! /= total;
  }

  sample(random: Random): number {
    const u = random();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `count` distinct ranks (fewer if n is smaller), with at most `count * 20` draws. */
  distinct(random: Random, count: number, exclude?: (rank: number) => boolean): number[] {
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < Math.min(count, this.n) && tries < count * 20; tries++) {
      const rank = this.sample(random);
      if (!exclude?.(rank)) chosen.add(rank);
    }
    return [...chosen];
  }
}
