import { openStatuses } from '../../../../shared/contract/common';
import type { EventType } from '../../../../shared/contract/common';
import type { LiveEvent } from '../../../../shared/contract/event';
import type { DueSoonResponse, FeedResponse } from '../../../../shared/contract/feed';
import type { Report } from '../../../../shared/contract/report';
import { runLiveResource } from '../../../lib/live/live-resource';
import type { LiveStore } from '../../../lib/live/live-store';

/** Days of uptime must not grow memory: the feed keeps at most this many items. */
export const FEED_CAP = 200;
/** How many events the backfill asks for. */
export const BACKFILL = 50;
/** Reports that turn overdue in the same instant beyond this many share one (expandable) item. */
export const OVERDUE_GROUP_OVER = 3;
/**
 * Timers are re-armed at least this often: a laptop that slept or a throttled background tab fires late, and a
 * short re-check keeps "overdue reached" close to the real instant without a long-lived timer drifting.
 */
export const MAX_TIMER_MS = 60_000;

export type FeedKind = EventType | 'overdue';

export interface FeedItem {
  /** stable across updates: `e<seq>` for a stored event, `o<dueAt>:<first id>` for overdue transitions */
  key: string;
  kind: FeedKind;
  /** the event's seq; null for overdue transitions, which the client derives and the log never holds */
  seq: number | null;
  /** when it happened: the event's time, or the due instant that was passed */
  at: string;
  /** the report it concerns (the first one for a group of overdue transitions) */
  reportId: number;
  /** every report of an overdue group (one element otherwise) */
  reportIds: readonly number[];
  actor: string | null;
  data: Readonly<Record<string, unknown>>;
  /** 0 for the backfill, then one more for each delivery: what the "N new" watermark compares */
  arrival: number;
}

export interface FeedState {
  /** newest first, at most FEED_CAP */
  items: readonly FeedItem[];
  /** the newest public fields of every report the items mention */
  reports: ReadonlyMap<number, Report>;
  loading: boolean;
  error: unknown;
  /** arrival number of the newest delivery */
  lastArrival: number;
}

export interface FeedStoreOptions {
  live: LiveStore;
  loadRecent: (signal: AbortSignal) => Promise<FeedResponse>;
  loadDueSoon: (signal: AbortSignal) => Promise<DueSoonResponse>;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  cap?: number;
}

export interface FeedStore {
  getState(): FeedState;
  subscribe(listener: () => void): () => void;
  /** starts (or restarts, after stop) the backfill, the stream and the timers */
  start(): void;
  /** stops fetching and timers; the items stay, and start() resumes */
  stop(): void;
}

const isOpen = (r: Report) => openStatuses.includes(r.status);
/** Parsed due instants by report version: the overdue timers read them for every report of the set, often. */
const dueCache = new WeakMap<Report, number>();
const dueMs = (r: Report): number => {
  let ms = dueCache.get(r);
  if (ms === undefined) {
    ms = r.dueAt === null ? Number.NaN : Date.parse(r.dueAt);
    dueCache.set(r, ms);
  }
  return ms;
};
const newer = (a: Report | undefined, b: Report) => (a === undefined || b.lastSeq >= a.lastSeq ? b : a);

const byDue = (a: Report, b: Report) => dueMs(a) - dueMs(b) || a.id - b.id;

/** Index of the first element of the sorted `items` that sorts after `r` (binary search). */
function insertionPoint(items: readonly Report[], r: Report): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDue(items[mid] as Report, r) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Folds stream events into the due-soon set: it holds the open reports due in (asOf, until], ordered by due
 * instant then id. Each batch moves only the reports it touches (binary search into the sorted list) rather than
 * re-sorting up to 500 reports for every batch of the stream.
 */
export function applyToDueSoon(set: DueSoonResponse, events: readonly LiveEvent[]): DueSoonResponse {
  const from = Date.parse(set.asOf);
  const until = Date.parse(set.until);
  let items: Report[] | null = null;
  // the set's id index is kept with its items array: a batch that touches none of the set costs no O(n) pass
  let byId = indexOf(set.items);
  for (const ev of events) {
    const old = byId.get(ev.reportId);
    const r = newer(old, ev.report);
    if (r === old) continue;
    const due = dueMs(r);
    // resolved or rejected → dropped; extended past the window → dropped (the refetch at `until` brings it back)
    const keep = isOpen(r) && due > from && due <= until;
    if (!keep && old === undefined) continue;
    if (items === null) {
      items = [...set.items];
      byId = new Map(byId);
    }
    if (old !== undefined) {
      const at = insertionPoint(items, old) - 1;
      // the sorted position of the old version; a linear search only if the list was not as expected
      const i = items[at] === old ? at : items.indexOf(old);
      if (i >= 0) items.splice(i, 1);
      byId.delete(old.id);
    }
    if (keep) {
      items.splice(insertionPoint(items, r), 0, r);
      byId.set(r.id, r);
    }
  }
  if (items !== null) setIndexes.set(items, byId);
  return { ...set, items: items ?? set.items, seq: events.at(-1)?.seq ?? set.seq };
}

const setIndexes = new WeakMap<readonly Report[], Map<number, Report>>();
function indexOf(items: readonly Report[]): Map<number, Report> {
  let index = setIndexes.get(items);
  if (!index) {
    index = new Map(items.map((r) => [r.id, r]));
    setIndexes.set(items, index);
  }
  return index;
}

/** The set ordered by due instant then id (what applyToDueSoon keeps and the timers rely on), whatever the server's order. */
export function sortedDueSoon(set: DueSoonResponse): DueSoonResponse {
  const sorted = set.items.every((r, i) => i === 0 || byDue(set.items[i - 1] as Report, r) <= 0);
  return sorted ? set : { ...set, items: [...set.items].sort(byDue) };
}

const eventItem = (ev: LiveEvent, arrival: number): FeedItem => ({
  key: `e${ev.seq}`,
  kind: ev.type,
  seq: ev.seq,
  at: ev.at,
  reportId: ev.reportId,
  reportIds: [ev.reportId],
  actor: ev.actor,
  data: ev.data,
  arrival,
});

/**
 * The live feed's state, outside React: a backfill of recent events kept current by the stream (snapshot +
 * deltas through runLiveResource, so a resync re-snapshots), plus "overdue reached" items that no server sends:
 * the set of open reports due soon is kept current from the stream, and a timer fires at the next due instant.
 */
export function createFeedStore(opts: FeedStoreOptions): FeedStore {
  const now = opts.now ?? Date.now;
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const cap = opts.cap ?? FEED_CAP;

  let state: FeedState = { items: [], reports: new Map(), loading: true, error: null, lastArrival: 0 };
  const listeners = new Set<() => void>();
  let running = false;
  /** highest event seq shown so far: what a new snapshot (after a resync) is compared with */
  let maxSeq = -1;
  let initialised = false;
  let due: DueSoonResponse | null = null;
  /**
   * report id → the due instant whose passing was already shown (a report extended later fires again at its new
   * instant); pruned to the current set
   */
  const fired = new Map<number, number>();
  const isFired = (r: Report) => fired.get(r.id) === dueMs(r);
  let timer: unknown = null;
  let runs: { dispose: () => void; refresh: () => void }[] = [];
  let dueRun: { refresh: () => void } | null = null;

  const emit = () => {
    for (const l of [...listeners]) l();
  };

  function commit(newItems: FeedItem[], touched: Iterable<Report>, patch: Partial<FeedState> = {}) {
    const reports = new Map(state.reports);
    for (const r of touched) reports.set(r.id, newer(reports.get(r.id), r));
    const items = newItems.length > 0 ? [...newItems, ...state.items].slice(0, cap) : state.items;
    // keep only the reports the remaining items mention
    const keep = new Set(items.flatMap((i) => i.reportIds));
    for (const id of reports.keys()) if (!keep.has(id)) reports.delete(id);
    state = { ...state, ...patch, items, reports };
    emit();
  }

  function onFeed(data: FeedResponse | null, loading: boolean, error: unknown) {
    if (data === null) {
      state = { ...state, loading, error };
      emit();
      return;
    }
    if (initialised && data.seq < maxSeq) {
      // the server's log went back (its store was replaced; live:resync 'ahead_of_server'): what is shown belongs
      // to reports that no longer exist there, whose ids may now be other reports' — start over from this snapshot
      maxSeq = -1;
      state = { ...state, items: [], reports: new Map() };
    }
    const fresh = data.items.filter((e) => e.seq > maxSeq);
    const arrival = initialised && fresh.length > 0 ? state.lastArrival + 1 : state.lastArrival;
    const items = fresh.map((e) => eventItem(e, arrival)).sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
    for (const e of fresh) maxSeq = Math.max(maxSeq, e.seq);
    initialised = true;
    // every event refreshes the state chip of items about the same report, old ones included
    commit(items, data.items.map((e) => e.report), { loading: false, error, lastArrival: arrival });
  }

  function fireDue() {
    if (due === null) return;
    const t = now();
    // the set is sorted by due instant: what the clock has passed is a prefix
    const reached: Report[] = [];
    for (const r of due.items) {
      if (!(t > dueMs(r))) break;
      if (!isFired(r)) reached.push(r);
    }
    if (reached.length === 0) return;
    for (const r of reached) fired.set(r.id, dueMs(r));
    const arrival = state.lastArrival + 1;
    const byInstant = new Map<string, Report[]>();
    for (const r of reached) byInstant.set(r.dueAt as string, [...(byInstant.get(r.dueAt as string) ?? []), r]);
    const items: FeedItem[] = [];
    for (const [at, rs] of byInstant) {
      // a handful stay separate items; a crowd (working-day deadlines all end at 23:59:59.999) is one group
      const groups = rs.length > OVERDUE_GROUP_OVER ? [rs] : rs.map((r) => [r]);
      for (const g of groups) {
        const first = g[0] as Report;
        items.push({
          key: `o${at}:${first.id}`,
          kind: 'overdue',
          seq: null,
          at,
          reportId: first.id,
          reportIds: g.map((r) => r.id),
          actor: null,
          data: { dueAt: at, count: g.length },
          arrival,
        });
      }
    }
    items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    commit(items, reached, { lastArrival: arrival });
  }

  function schedule() {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!running || due === null) return;
    fireDue();
    const t = now();
    const until = Date.parse(due.until);
    if (t >= until) {
      // the set is complete only up to `until`: fetch the next window (its answer re-arms the timer)
      dueRun?.refresh();
      return;
    }
    let next = until;
    for (const r of due.items) {
      const d = dueMs(r);
      // overdue means strictly after the due instant; sorted by due, so the first one not yet passed is the next
      if (d + 1 > t && !isFired(r)) {
        next = Math.min(next, d + 1);
        break;
      }
    }
    timer = setTimer(schedule, Math.max(0, Math.min(next - t, MAX_TIMER_MS)));
  }

  function onDue(data: DueSoonResponse | null) {
    if (data === null) return;
    const same = due !== null && data.items === due.items && data.until === due.until;
    due = data;
    // a batch that touched none of the set (most of them) changes nothing the timer depends on
    if (same) return;
    if (fired.size > 0) {
      const current = new Map(data.items.map((r) => [r.id, dueMs(r)]));
      for (const [id, at] of fired) if (current.get(id) !== at) fired.delete(id);
    }
    schedule();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (running) return;
      running = true;
      const feedRun = runLiveResource<FeedResponse>(
        opts.live,
        () => ({
          load: opts.loadRecent,
          apply: (d, events) => ({ seq: events.at(-1)?.seq ?? d.seq, items: [...events].reverse().concat(d.items).slice(0, cap) }),
        }),
        (s) => onFeed(s.data, s.loading, s.error),
      );
      const dr = runLiveResource<DueSoonResponse>(
        opts.live,
        () => ({ load: (signal) => opts.loadDueSoon(signal).then(sortedDueSoon), apply: applyToDueSoon }),
        (s) => onDue(s.data),
      );
      dueRun = dr;
      runs = [feedRun, dr];
    },
    stop() {
      running = false;
      for (const r of runs) r.dispose();
      runs = [];
      dueRun = null;
      due = null;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
