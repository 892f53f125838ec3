import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

const draw = (seed: number, n = 20) => {
  const rng = createRng(seed, 'x');
  return Array.from({ length: n }, () => rng.next());
};
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('createRng', () => {
  it('is deterministic per seed and labels, and differs across them', () => {
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(createRng(1, 'a').next()).not.toBe(createRng(1, 'b').next());
  });

  it('forks independent streams that do not depend on draws already taken', () => {
    const a = createRng(5);
    const b = createRng(5);
    b.next();
    b.next();
    expect(a.fork('child').next()).toBe(b.fork('child').next());
  });

  it('gives values in range with the expected means', () => {
    const rng = createRng(42);
    const u = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    const ints = Array.from({ length: 5000 }, () => rng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(mean(Array.from({ length: 20_000 }, () => rng.exponential(4)))).toBeCloseTo(4, 0);
    expect(mean(Array.from({ length: 20_000 }, () => rng.poisson(3)))).toBeCloseTo(3, 0);
    expect(mean(Array.from({ length: 2_000 }, () => rng.poisson(200)))).toBeGreaterThan(190);
    const normals = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    expect(mean(normals)).toBeCloseTo(10, 0);
    expect(Math.sqrt(mean(normals.map((x) => (x - 10) ** 2)))).toBeCloseTo(2, 0);
  });

  it('picks by weight', () => {
    const rng = createRng(7);
    const picks = Array.from({ length: 10_000 }, () => rng.weighted([['a', 1], ['b', 3], ['z', 0]] as const));
    const b = picks.filter((p) => p === 'b').length / picks.length;
    expect(b).toBeGreaterThan(0.72);
    expect(b).toBeLessThan(0.78);
    expect(picks).not.toContain('z');
    expect(() => rng.pick([])).toThrow();
  });
});
