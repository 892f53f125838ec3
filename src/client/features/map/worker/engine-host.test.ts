import { describe, expect, it } from 'vitest';
import { encodeMapPoints } from '../../../../shared/contract/map';
import type { MapPoint } from '../../../../shared/contract/map';
import { ALL_STATES_MASK, STATE } from '../model/map-state';
import { createEngineHost, MIN_REBUILD_INTERVAL_MS } from './engine-host';
import type { FromWorker } from './protocol';

const NOW = Date.parse('2024-03-15T07:00:00.000Z');

/** A host on a fake clock whose timers run only when the test advances time. */
function rig() {
  let now = NOW;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), {
    now: () => now,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn, id: ++nextId };
      timers.push(t);
      return t.id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = end;
  };
  const builds = () => out.filter((m): m is Extract<FromWorker, { type: 'built' }> => m.type === 'built');
  return { host, out, advance, builds };
}

const point = (id: number, over: Partial<MapPoint> = {}): MapPoint => ({
  id,
  lat: 16.46,
  lng: 107.59,
  status: 'assigned',
  categoryId: 'c',
  agencyId: 'a',
  districtCode: '474',
  receivedAt: NOW - 3_600_000,
  dueAt: NOW + 10 * 86_400_000,
  ...over,
});

const body = (points: MapPoint[]) => new TextEncoder().encode(JSON.stringify(encodeMapPoints(points, { seq: 42, now: new Date(NOW), period: '7d' }))).buffer as ArrayBuffer;

describe('engine host (the worker without the worker)', () => {
  it('loads a snapshot body, reports its seq and builds once', () => {
    const r = rig();
    r.host.handle({ type: 'load', req: 1, body: body([point(1), point(2), point(3)]), mask: ALL_STATES_MASK });
    expect(r.out[0]).toMatchObject({ type: 'loaded', req: 1, seq: 42, count: 3 });
    expect(r.builds()).toHaveLength(1);
    expect(r.builds()[0]?.info.totals.count).toBe(3);
  });

  it('refuses a body that is not the contract', () => {
    const r = rig();
    r.host.handle({ type: 'load', req: 1, body: new TextEncoder().encode('{"seq":1}').buffer as ArrayBuffer, mask: ALL_STATES_MASK });
    expect(r.out[0]).toMatchObject({ type: 'loaded', req: 1, seq: -1 });
    expect((r.out[0] as { error?: string }).error).toBeTruthy();
  });

  it('batches a stream of changes into at most one rebuild per interval', () => {
    const r = rig();
    r.host.handle({ type: 'load', req: 1, body: body([point(1)]), mask: ALL_STATES_MASK });
    // 50 events a second for 3 seconds
    for (let i = 0; i < 150; i++) {
      r.host.handle({ type: 'changes', upserts: [point(100 + i)], removes: [], changeId: i + 1 });
      r.advance(20);
    }
    r.advance(1000);
    const builds = r.builds().slice(1);
    expect(builds.length).toBeGreaterThanOrEqual(3);
    expect(builds.length).toBeLessThanOrEqual(Math.ceil(4000 / MIN_REBUILD_INTERVAL_MS));
    expect(builds.at(-1)?.info.totals.count).toBe(151);
    expect(builds.at(-1)?.info.changeId).toBe(150);
  });

  it('turns a point overdue at its due instant with no event, and rebuilds for it', () => {
    const r = rig();
    r.host.handle({ type: 'load', req: 1, body: body([point(1, { dueAt: NOW + 30_000 })]), mask: ALL_STATES_MASK });
    expect(r.builds()[0]?.info.totals.byState[STATE.overdue]).toBe(0);
    r.advance(29_000);
    expect(r.builds()).toHaveLength(1);
    r.advance(2_000);
    const last = r.builds().at(-1);
    expect(last?.info.reason).toBe('time');
    expect(last?.info.totals.byState[STATE.overdue]).toBe(1);
  });

  it('answers a mask change at once', () => {
    const r = rig();
    r.host.handle({ type: 'load', req: 1, body: body([point(1), point(2, { status: 'resolved' })]), mask: ALL_STATES_MASK });
    r.host.handle({ type: 'mask', mask: 1 << STATE.resolved });
    expect(r.builds().at(-1)?.info).toMatchObject({ reason: 'mask', totals: { count: 1 } });
  });
});
