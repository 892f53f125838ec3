import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../../shared/contract/event';
import type { DueSoonResponse, FeedResponse } from '../../../../shared/contract/feed';
import type { Report } from '../../../../shared/contract/report';
import { createLiveStore } from '../../../lib/live/live-store';
import type { LiveStore } from '../../../lib/live/live-store';
import type { LiveListener, LiveSignal } from '../../../lib/live/live-types';
import { applyToDueSoon, createFeedStore, FEED_CAP } from './feed-store';

const T0 = Date.parse('2026-11-30T03:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function report(id: number, patch: Partial<Report> = {}): Report {
  return {
    id,
    externalId: `ext-${id}`,
    title: `Phản ánh ${id}`,
    description: '',
    categoryId: 'cat',
    urgent: false,
    lat: 16.46,
    lng: 107.59,
    address: 'Huế',
    wardCode: null,
    districtCode: null,
    channel: 'app',
    media: [],
    status: 'assigned',
    agencyId: 'a1',
    coordinatingAgencyIds: [],
    receivedAt: iso(T0 - 86_400_000),
    verifiedAt: null,
    assignedAt: null,
    dueAt: iso(T0 + 3_600_000),
    originalDueAt: iso(T0 + 3_600_000),
    sla: null,
    extensions: [],
    resolvedAt: null,
    resultText: null,
    rejectedReason: null,
    rating: null,
    ratedAt: null,
    commentCount: 0,
    reopenCount: 0,
    reminderCount: 0,
    lastRemindedAt: null,
    updatedAt: iso(T0),
    lastSeq: 1,
    ...patch,
  };
}

const event = (seq: number, r: Report, type: LiveEvent['type'] = 'assigned'): LiveEvent => ({
  seq,
  type,
  reportId: r.id,
  at: iso(T0),
  recordedAt: iso(T0),
  actor: null,
  data: {},
  report: { ...r, lastSeq: seq },
});

/** A live store whose signals the test emits directly (the live store's own tests cover the socket side). */
function fakeLive(seq: number) {
  const real = createLiveStore({ createSocket: () => new Promise(() => {}) });
  const listeners = new Set<LiveListener>();
  const store: LiveStore = {
    ...real,
    started: true,
    getState: () => ({ ...real.getState(), seq }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    start: () => {},
  };
  return { store, emit: (s: LiveSignal) => [...listeners].forEach((l) => l(s)) };
}

/** A clock and timer queue the test moves by hand. */
function manualClock(start: number) {
  let t = start;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimer: (h: unknown) => {
      timers = timers.filter((x) => x.id !== h);
    },
    /** moves the clock to `to`, running each timer at its instant */
    advanceTo(to: number) {
      for (;;) {
        const next = timers.filter((x) => x.at <= to).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((x) => x !== next);
        t = Math.max(t, next.at);
        next.fn();
      }
      t = to;
    },
    pending: () => timers.length,
  };
}

function setup(opts: { feed: FeedResponse; due: DueSoonResponse }) {
  const live = fakeLive(opts.feed.seq);
  const clock = manualClock(T0);
  const loadRecent = vi.fn(() => Promise.resolve(opts.feed));
  const dueAnswers = [opts.due];
  const loadDueSoon = vi.fn(() => Promise.resolve(dueAnswers.shift() ?? { ...opts.due, items: [] }));
  const store = createFeedStore({ live: live.store, loadRecent, loadDueSoon, ...clock });
  store.start();
  return { store, live, clock, loadRecent, loadDueSoon, dueAnswers };
}

const dueSet = (items: Report[], untilMs = T0 + 24 * 3_600_000, seq = 10): DueSoonResponse => ({
  items,
  seq,
  asOf: iso(T0),
  until: iso(untilMs),
  truncated: false,
});

const kinds = (s: ReturnType<typeof setup>) => s.store.getState().items.map((i) => `${i.kind}:${i.reportIds.join('+')}`);

describe('feed store', () => {
  it('shows the backfill newest first, then puts each streamed batch on top under a new arrival number', async () => {
    const backfill = [3, 2, 1].map((n) => event(n, report(n), 'created'));
    const s = setup({ feed: { items: backfill, seq: 3 }, due: dueSet([], undefined, 3) });
    await vi.waitFor(() => expect(s.store.getState().loading).toBe(false));
    expect(s.store.getState().items.map((i) => i.seq)).toEqual([3, 2, 1]);
    expect(s.store.getState().items.every((i) => i.arrival === 0)).toBe(true);

    s.live.emit({ type: 'events', events: [event(4, report(1), 'assigned'), event(5, report(9), 'created')] });
    const st = s.store.getState();
    expect(st.items.map((i) => i.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(st.items.slice(0, 2).map((i) => i.arrival)).toEqual([1, 1]);
    expect(st.lastArrival).toBe(1);
    // the older item about report 1 now shows its newest state
    expect(st.reports.get(1)?.lastSeq).toBe(4);
  });

  it('starts over when a re-snapshot shows the server’s log went back (its store was replaced)', async () => {
    const s = setup({ feed: { items: [2, 1].map((n) => event(n, report(n), 'created')), seq: 2 }, due: dueSet([], undefined, 2) });
    await vi.waitFor(() => expect(s.store.getState().items).toHaveLength(2));
    // the replaced store has one event; its report 1 is not the report 1 shown so far
    const replaced = event(1, report(1, { title: 'Một phản ánh khác' }), 'created');
    s.loadRecent.mockImplementation(() => Promise.resolve({ items: [replaced], seq: 1 }));
    s.live.emit({ type: 'resync', seq: 1 });
    await vi.waitFor(() => expect(s.store.getState().items.map((i) => i.seq)).toEqual([1]));
    expect(s.store.getState().reports.get(1)?.title).toBe('Một phản ánh khác');
    expect(s.store.getState().reports.has(2)).toBe(false);
  });

  it('keeps at most FEED_CAP items however long it runs', async () => {
    const s = setup({ feed: { items: [], seq: 0 }, due: dueSet([], undefined, 0) });
    await vi.waitFor(() => expect(s.store.getState().loading).toBe(false));
    let seq = 0;
    for (let b = 0; b < 30; b++) {
      s.live.emit({ type: 'events', events: Array.from({ length: 20 }, () => ++seq).map((n) => event(n, report(n), 'created')) });
    }
    const st = s.store.getState();
    expect(st.items).toHaveLength(FEED_CAP);
    expect(st.items[0]?.seq).toBe(600);
    expect(st.reports.size).toBeLessThanOrEqual(FEED_CAP);
  });

  it('adds "overdue reached" when the clock passes a due date, with no server event', async () => {
    const dueAt = T0 + 30 * 60_000;
    const r = report(7, { dueAt: iso(dueAt) });
    const s = setup({ feed: { items: [], seq: 10 }, due: dueSet([r]) });
    await vi.waitFor(() => expect(s.clock.pending()).toBe(1));
    s.clock.advanceTo(dueAt);
    // at the due instant it is not overdue yet (due dates are inclusive)
    expect(kinds(s)).toEqual([]);
    s.clock.advanceTo(dueAt + 1);
    expect(kinds(s)).toEqual(['overdue:7']);
    expect(s.store.getState().items[0]?.at).toBe(iso(dueAt));
    // once only
    s.clock.advanceTo(dueAt + 5 * 60_000);
    expect(kinds(s)).toEqual(['overdue:7']);
    expect(s.loadRecent).toHaveBeenCalledTimes(1);
  });

  it('drops a report resolved before its due date and reschedules an extended one', async () => {
    const a = report(1, { dueAt: iso(T0 + 10 * 60_000) });
    const b = report(2, { dueAt: iso(T0 + 20 * 60_000) });
    const s = setup({ feed: { items: [], seq: 10 }, due: dueSet([a, b]) });
    await vi.waitFor(() => expect(s.clock.pending()).toBe(1));
    s.live.emit({
      type: 'events',
      events: [
        event(11, { ...a, status: 'resolved', resolvedAt: iso(T0) }, 'resolved'),
        event(12, { ...b, dueAt: iso(T0 + 2 * 3_600_000) }, 'extended'),
      ],
    });
    s.clock.advanceTo(T0 + 30 * 60_000);
    expect(kinds(s).filter((k) => k.startsWith('overdue'))).toEqual([]);
    s.clock.advanceTo(T0 + 2 * 3_600_000 + 1);
    expect(kinds(s)[0]).toBe('overdue:2');
  });

  it('groups a crowd of reports reaching overdue at the same instant into one item', async () => {
    const at = iso(T0 + 60_000);
    const rs = [1, 2, 3, 4, 5].map((id) => report(id, { dueAt: at }));
    const s = setup({ feed: { items: [], seq: 10 }, due: dueSet(rs) });
    await vi.waitFor(() => expect(s.clock.pending()).toBe(1));
    s.clock.advanceTo(T0 + 120_000);
    expect(kinds(s)).toEqual(['overdue:1+2+3+4+5']);
  });

  it('fetches the next window when the clock reaches the end of the one it holds', async () => {
    const s = setup({ feed: { items: [], seq: 10 }, due: dueSet([], T0 + 3_600_000) });
    const later = report(3, { dueAt: iso(T0 + 90 * 60_000) });
    s.dueAnswers.push({ ...dueSet([later], T0 + 25 * 3_600_000), asOf: iso(T0 + 3_600_000) });
    await vi.waitFor(() => expect(s.clock.pending()).toBe(1));
    s.clock.advanceTo(T0 + 3_600_000);
    await vi.waitFor(() => expect(s.loadDueSoon).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(s.clock.pending()).toBe(1));
    s.clock.advanceTo(T0 + 91 * 60_000);
    expect(kinds(s)).toEqual(['overdue:3']);
  });
});

describe('applyToDueSoon', () => {
  it('keeps exactly the open reports due inside the window', () => {
    const set = dueSet([report(1, { dueAt: iso(T0 + 1000) })], T0 + 3_600_000);
    const next = applyToDueSoon(set, [
      event(11, report(2, { dueAt: iso(T0 + 2000) }), 'assigned'),
      event(12, report(3, { dueAt: iso(T0 + 5 * 3_600_000) }), 'assigned'),
      event(13, report(4, { dueAt: iso(T0 + 500), status: 'rejected' }), 'rejected'),
      event(14, report(1, { dueAt: iso(T0 + 1000), status: 'resolved' }), 'resolved'),
      event(15, report(5, { dueAt: iso(T0 - 1000) }), 'reminded'),
    ]);
    expect(next.items.map((r) => r.id)).toEqual([2]);
    expect(next.seq).toBe(15);
  });

  it('equals filtering and re-sorting the whole set after each batch (the moves are local)', () => {
    const HOUR = 3_600_000;
    // small ids and a few due instants, so reports share instants and batches touch the same reports again
    const change = fc.record({
      id: fc.integer({ min: 1, max: 12 }),
      dueH: fc.integer({ min: -2, max: 8 }),
      status: fc.constantFrom('received', 'assigned', 'in_progress', 'resolved', 'rejected') as fc.Arbitrary<Report['status']>,
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), fc.array(fc.array(change, { maxLength: 8 }), { maxLength: 6 }), (initial, batches) => {
        const until = T0 + 6 * HOUR;
        const inWindow = (r: Report) => ['received', 'assigned', 'in_progress', 'reopened'].includes(r.status) && Date.parse(r.dueAt ?? '') > T0 && Date.parse(r.dueAt ?? '') <= until;
        const sorted = (rs: Report[]) => [...rs].sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? '') || a.id - b.id);
        const start = new Map<number, Report>();
        for (const c of initial) start.set(c.id, report(c.id, { dueAt: iso(T0 + c.dueH * HOUR), status: c.status }));
        let set = dueSet(sorted([...start.values()].filter(inWindow)), until);
        // the oracle: the newest version of every report seen, filtered and sorted from scratch
        const newest = new Map([...set.items].map((r) => [r.id, r]));
        let seq = 10;
        for (const batch of batches) {
          const events = batch.map((c) => event(++seq, report(c.id, { dueAt: iso(T0 + c.dueH * HOUR), status: c.status })));
          for (const e of events) newest.set(e.report.id, e.report);
          set = applyToDueSoon(set, events);
          expect(set.items.map((r) => [r.id, r.dueAt, r.status])).toEqual(sorted([...newest.values()].filter(inWindow)).map((r) => [r.id, r.dueAt, r.status]));
        }
      }),
    );
  });
});
