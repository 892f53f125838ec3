import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHotspots, haversineMetres, type HotspotPoint } from './hotspots';

const DAY = 86_400_000;

/** Connected components of the "same category, within radius and window" graph, by checking every pair. */
function bruteForce(points: HotspotPoint[], radius: number, windowMs: number, minCount: number): number[][] {
  const seen = new Set<number>();
  const groups: number[][] = [];
  for (let s = 0; s < points.length; s++) {
    if (seen.has(s)) continue;
    const stack = [s];
    const group: number[] = [];
    seen.add(s);
    while (stack.length) {
      const i = stack.pop() as number;
      group.push((points[i] as HotspotPoint).id);
      for (let j = 0; j < points.length; j++) {
        const a = points[i] as HotspotPoint;
        const b = points[j] as HotspotPoint;
        if (seen.has(j) || a.categoryId !== b.categoryId) continue;
        if (Math.abs(a.receivedAt - b.receivedAt) > windowMs) continue;
        if (haversineMetres(a.lat, a.lng, b.lat, b.lng) > radius) continue;
        seen.add(j);
        stack.push(j);
      }
    }
    if (group.length >= minCount) groups.push(group.sort((x, y) => x - y));
  }
  return groups.sort((x, y) => (x[0] as number) - (y[0] as number));
}

const ids = (clusters: ReturnType<typeof findHotspots>) =>
  clusters.map((c) => c.members.map((m) => m.id).sort((x, y) => x - y)).sort((x, y) => (x[0] as number) - (y[0] as number));

describe('haversineMetres', () => {
  it('matches known distances', () => {
    // one minute of latitude is a nautical mile on this sphere (to 0.1%)
    expect(haversineMetres(16, 107, 16 + 1 / 60, 107)).toBeCloseTo(1853.2, 0);
    expect(haversineMetres(16.46, 107.59, 16.46, 107.59)).toBe(0);
  });
});

describe('findHotspots', () => {
  it('equals the brute-force connected components on random clumpy data (property)', () => {
    const point = fc.record({
      // a few clumps around Huế and elsewhere, tens to hundreds of metres across
      clump: fc.integer({ min: 0, max: 5 }),
      north: fc.double({ min: -120, max: 120, noNaN: true }),
      east: fc.double({ min: -120, max: 120, noNaN: true }),
      category: fc.constantFrom('a', 'b'),
      day: fc.integer({ min: 0, max: 120 }),
      resolvedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    });
    const centres = [
      [16.4637, 107.5909],
      [16.4641, 107.5912],
      [16.2, 107.7],
      [-33.9, 151.2],
      [59.9, 10.7],
      [16.4637, 107.5925],
    ] as const;
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 0, maxLength: 70 }),
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 90 }),
        (raw, radius, minCount, windowDays) => {
          const points: HotspotPoint[] = raw.map((p, i) => {
            const [lat0, lng0] = centres[p.clump] as readonly [number, number];
            const lat = lat0 + p.north / 111_195;
            const lng = lng0 + p.east / (111_195 * Math.cos((lat0 * Math.PI) / 180));
            const receivedAt = p.day * DAY;
            return { id: i + 1, categoryId: p.category, lat, lng, receivedAt, resolvedAt: p.resolvedAfter === null ? null : receivedAt + p.resolvedAfter * DAY, open: p.resolvedAfter === null };
          });
          const got = findHotspots(points, { radius, minCount, windowMs: windowDays * DAY });
          expect(ids(got)).toEqual(bruteForce(points, radius, windowDays * DAY, minCount));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('describes a hand-made hotspot: centroid, extent, first/last, recurrences, open', () => {
    const base = { categoryId: 'rac-thai', lng: 107.59 };
    const p = (id: number, north: number, day: number, resolvedDay: number | null): HotspotPoint => ({
      ...base,
      id,
      lat: 16.46 + north / 111_195,
      receivedAt: day * DAY,
      resolvedAt: resolvedDay === null ? null : resolvedDay * DAY,
      open: resolvedDay === null,
    });
    // 1 fixed on day 3; 2 came in on day 2 (before the fix); 3 and 4 came back after it; 4 is still open
    const points = [p(1, 0, 0, 3), p(2, 20, 2, 10), p(3, 40, 8, 9), p(4, 60, 20, null), p(5, 5000, 1, null)];
    const [h, ...rest] = findHotspots(points, { radius: 30, minCount: 3, windowMs: 60 * DAY });
    expect(rest).toEqual([]);
    expect(h?.members.map((m) => m.id)).toEqual([4, 3, 2, 1]);
    expect(h?.firstAt).toBe(0);
    expect(h?.lastAt).toBe(20 * DAY);
    expect(h?.recurrences).toBe(2);
    expect(h?.open).toBe(1);
    expect(h?.lat).toBeCloseTo(16.46 + 30 / 111_195, 9);
    expect(h?.extentMetres).toBeCloseTo(30, 1);
    // a shorter window splits the chain: 1-2-3 stay linked (≤ 7 days apart), 4 is 12 days after 3
    expect(findHotspots(points, { radius: 30, minCount: 3, windowMs: 7 * DAY }).map((c) => c.members.length)).toEqual([3]);
    // another category at the same spots never links
    expect(findHotspots(points.map((x, i) => ({ ...x, categoryId: i % 2 ? 'a' : 'b' })), { radius: 30, minCount: 3, windowMs: 60 * DAY })).toEqual([]);
  });
});
