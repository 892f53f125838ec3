import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapPoint } from '../../../../shared/contract/map';
import { reportStatuses } from '../../../../shared/contract/common';
import { mapStateOf } from '../../../../shared/domain/timeliness';
import { MAP_STATES, maskOf, STATE, stateCodeOf, withDueWork, workingMsSinceOrigin } from '../model/map-state';
import { createClusterEngine } from './cluster-engine';
import type { Bbox } from './cluster-engine';

const WORLD: Bbox = [-180, -85, 180, 85];
const NOW = Date.parse('2024-03-15T07:00:00.000Z');

/** A deterministic cloud of points around Huế, with every status and deadlines either side of NOW. */
function cloud(n: number, seed = 1): MapPoint[] {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => {
    const status = reportStatuses[Math.floor(rnd() * reportStatuses.length)] ?? 'received';
    return {
      id: i + 1,
      lat: 16.2 + rnd() * 0.5,
      lng: 107.3 + rnd() * 0.6,
      status,
      categoryId: `c${i % 5}`,
      agencyId: status === 'received' && rnd() < 0.7 ? null : `a${i % 7}`,
      districtCode: String(474 + (i % 9)),
      receivedAt: NOW - Math.floor(rnd() * 20) * 86_400_000,
      dueAt: rnd() < 0.1 ? null : NOW + Math.round((rnd() - 0.5) * 6 * 86_400_000),
    };
  });
}

describe('stateCodeOf', () => {
  it('is mapStateOf on the compact point, for any status, deadline and instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...reportStatuses),
        fc.option(fc.integer({ min: -12 * 86_400_000, max: 12 * 86_400_000 })),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 * 365 * 86_400_000 }),
        (status, dueOffset, assigned, t) => {
          const now = Date.parse('2023-01-01T00:00:00Z') + t;
          const dueAt = dueOffset === null ? null : now + dueOffset;
          const p: MapPoint = { id: 1, lat: 16, lng: 107, status, categoryId: 'c', agencyId: assigned ? 'a' : null, districtCode: null, receivedAt: 0, dueAt };
          const iso = dueAt === null ? null : new Date(dueAt).toISOString();
          const expected = mapStateOf({ status, dueAt: iso, originalDueAt: iso, resolvedAt: null, agencyId: p.agencyId }, new Date(now));
          expect(MAP_STATES[stateCodeOf(withDueWork(p), now, workingMsSinceOrigin(now))]).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('cluster engine', () => {
  it('at every zoom, the clusters and points of the whole map add up to every point shown, state by state', () => {
    const points = cloud(3000);
    const e = createClusterEngine();
    e.load(points, NOW);
    const { totals } = e.build();
    const expected = MAP_STATES.map((_, s) => points.filter((p) => stateCodeOf(withDueWork(p), NOW, workingMsSinceOrigin(NOW)) === s).length);
    expect(totals.byState).toEqual(expected);
    expect(totals.count).toBe(3000);
    for (const zoom of [0, 6, 9, 11, 13, 15, 16, 17, 18]) {
      const r = e.query(WORLD, zoom);
      let sum = 0;
      const mix = new Array(MAP_STATES.length).fill(0);
      for (let i = 0; i < r.n; i++) {
        sum += r.count[i] ?? 0;
        let mixSum = 0;
        for (let s = 0; s < MAP_STATES.length; s++) {
          mix[s] += r.mix[i * MAP_STATES.length + s] ?? 0;
          mixSum += r.mix[i * MAP_STATES.length + s] ?? 0;
        }
        // each badge's ring is split exactly by its count
        expect(mixSum).toBe(r.count[i]);
      }
      expect(sum, `zoom ${zoom}`).toBe(3000);
      expect(mix, `zoom ${zoom}`).toEqual(expected);
    }
    // beyond the clustering zoom every point is its own item
    expect(e.query(WORLD, 17).n).toBe(3000);
    expect(e.query(WORLD, 8).n).toBeLessThan(300);
  });

  it('shows only the states of the mask, and its list of a viewport has the same count as the clusters there', () => {
    const points = cloud(2000, 7);
    const e = createClusterEngine();
    e.load(points, NOW);
    e.setMask(maskOf(['overdue', 'due_soon']));
    e.build();
    const nowWork = workingMsSinceOrigin(NOW);
    const wanted = points.filter((p) => [STATE.overdue, STATE.due_soon].includes(stateCodeOf(withDueWork(p), NOW, nowWork) as 2 | 3));
    const clusters = e.query(WORLD, 10);
    expect(Array.from(clusters.count).reduce((a, b) => a + b, 0)).toBe(wanted.length);
    const list = e.list(WORLD, 0, 50);
    expect(list.total).toBe(wanted.length);
    expect(list.items.every((i) => i.state === STATE.overdue || i.state === STATE.due_soon)).toBe(true);
    // newest first
    const times = list.items.map((i) => i.receivedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // a smaller window: the list counts exactly the points inside it
    const box: Bbox = [107.5, 16.35, 107.65, 16.5];
    const inside = wanted.filter((p) => p.lng >= box[0] && p.lng <= box[2] && p.lat >= box[1] && p.lat <= box[3]);
    expect(e.list(box, 0, 10).total).toBe(inside.length);
  });

  it('zooming into a cluster at its expansion zoom splits it', () => {
    const e = createClusterEngine();
    e.load(cloud(2000, 3), NOW);
    e.build();
    const r = e.query(WORLD, 9);
    const i = Array.from(r.cluster).indexOf(1);
    const zoom = e.expansionZoom(r.id[i] ?? 0);
    expect(zoom).toBeGreaterThan(9);
    const lng = r.lng[i] ?? 0;
    const lat = r.lat[i] ?? 0;
    const near = e.query([lng - 0.2, lat - 0.2, lng + 0.2, lat + 0.2], zoom);
    const biggest = Math.max(...Array.from(near.count));
    expect(biggest).toBeLessThan(r.count[i] ?? 0);
  });

  it('applies upserts and removals, and does not rebuild for a change the map cannot show', () => {
    const points = cloud(100, 5);
    const e = createClusterEngine();
    e.load(points, NOW);
    e.build();
    const p = points[0] as MapPoint;
    e.upsert([{ ...p }], NOW);
    expect(e.dirty).toBe(false);
    e.upsert([{ ...p, status: 'resolved' }], NOW);
    expect(e.dirty).toBe(true);
    expect(e.stateOf(p.id)).toBe(STATE.resolved);
    e.upsert([{ ...p, id: 1000 }], NOW);
    e.remove([2, 3]);
    expect(e.build().totals.loaded).toBe(99);
  });

  it('turns an open point overdue once its due instant has passed, with no event', () => {
    const e = createClusterEngine();
    const due = NOW + 60_000;
    e.load([{ id: 1, lat: 16.46, lng: 107.59, status: 'assigned', categoryId: 'c', agencyId: 'a', districtCode: '474', receivedAt: NOW - 86_400_000, dueAt: due }], NOW);
    expect(e.stateOf(1)).toBe(STATE.due_soon);
    expect(e.nextDueAfter(NOW)).toBe(due);
    expect(e.classify(due)).toBe(false);
    expect(e.classify(due + 1)).toBe(true);
    expect(e.stateOf(1)).toBe(STATE.overdue);
    expect(e.nextDueAfter(due + 1)).toBeNull();
  });
});
