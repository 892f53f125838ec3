/**
 * A small seeded PRNG (sfc32) and the distributions the scenario needs. Math.random is never used: every
 * figure in the synthetic scenario must come back identical from the same seed, in Node and in the browser.
 */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [min, max) */
  uniform(min: number, max: number): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** picks by weight; weights need not sum to 1 */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  normal(mean?: number, sd?: number): number;
  /** exponential with the given mean */
  exponential(mean: number): number;
  poisson(mean: number): number;
  /** a fresh, independent stream derived from this one's seed and a label (stable under reordering of calls) */
  fork(label: string | number): Rng;
}

/** 32-bit FNV-1a over a string: turns labels into seed material. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Creates a generator from a seed and optional labels (e.g. createRng(seed, 'day', 19000)). */
export function createRng(seed: number, ...labels: (string | number)[]): Rng {
  const key = `${seed}|${labels.join('|')}`;
  const next = sfc32(hash32(key), hash32(`a${key}`), hash32(`b${key}`), hash32(`c${key}`));
  // sfc32's first outputs are correlated with the seed words; discard a few
  for (let i = 0; i < 12; i++) next();
  let spare: number | null = null;
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of items) total += w;
      if (!(total > 0)) throw new Error('weighted pick needs a positive total weight');
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    normal(mean = 0, sd = 1) {
      // Box–Muller, keeping the second value for the next call
      if (spare !== null) {
        const v = spare;
        spare = null;
        return mean + sd * v;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const m = Math.sqrt(-2 * Math.log(u));
      spare = m * Math.sin(2 * Math.PI * v);
      return mean + sd * m * Math.cos(2 * Math.PI * v);
    },
    exponential(mean) {
      return -mean * Math.log(1 - next());
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 60) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))));
      // Knuth's method is fine for the small means the scenario uses
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    fork: (label) => createRng(seed, ...labels, label),
  };
  return rng;
}
