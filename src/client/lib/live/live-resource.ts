import type { LiveEvent } from '../../../shared/contract/event';
import type { LiveStore } from './live-store';

export interface LiveResourceOptions<T extends { seq: number }> {
  /** fetches a snapshot stamped with the seq it reflects */
  load: (signal: AbortSignal) => Promise<T>;
  /** folds new events into the snapshot; without it, new events trigger a (throttled) refetch instead */
  apply?: (data: T, events: LiveEvent[]) => T;
  /** minimum time between event-triggered refetches */
  refetchThrottleMs?: number;
  /** refetch on a timer too (figures that change with time alone, like "overdue now") */
  pollMs?: number;
}

export interface LiveResourceState<T> {
  data: T | null;
  error: unknown;
  /** true until the first snapshot (or error) arrives; later refetches keep showing the old data */
  loading: boolean;
  /** wall-clock ms of the last change to data */
  updatedAt: number | null;
}

/**
 * Keeps one snapshot in line with the live stream: listens first, then fetches, so every event after the
 * snapshot's seq is either buffered or still to come; the first snapshot anywhere starts the stream from its
 * seq. Events at or below the snapshot's seq are already in it and are skipped. A resync signal re-fetches.
 */
export function runLiveResource<T extends { seq: number }>(
  store: LiveStore,
  getOptions: () => LiveResourceOptions<T>,
  onChange: (s: LiveResourceState<T>) => void,
): { dispose: () => void; refresh: () => void } {
  let disposed = false;
  let state: LiveResourceState<T> = { data: null, error: null, loading: true, updatedAt: null };
  /** every event after this seq reaches our listener (null: the stream is not started yet) */
  let floor: number | null = store.started ? store.getState().seq : null;
  let appliedSeq = -1;
  let buffer: LiveEvent[] = [];
  let inflight: AbortController | null = null;
  let again = false;
  let retriedBelowFloor = false;
  let lastLoadAt = 0;
  let throttle: ReturnType<typeof setTimeout> | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;

  const set = (patch: Partial<LiveResourceState<T>>) => {
    state = { ...state, ...patch };
    onChange(state);
  };

  const received = (snap: T) => {
    const { apply } = getOptions();
    if (!store.started) {
      store.start(snap.seq);
      floor = snap.seq;
    }
    floor ??= store.getState().seq;
    if (floor !== null && snap.seq < floor && !retriedBelowFloor) {
      // this snapshot predates events we never saw (another view started the stream further on): fetch again
      retriedBelowFloor = true;
      return load();
    }
    retriedBelowFloor = false;
    const later = buffer.filter((e) => e.seq > snap.seq);
    buffer = [];
    let data = snap;
    appliedSeq = snap.seq;
    if (apply && later.length > 0) {
      data = apply(snap, later);
      appliedSeq = later[later.length - 1]?.seq ?? snap.seq;
    } else if (!apply && later.length > 0) {
      scheduleRefetch();
    }
    set({ data, error: null, loading: false, updatedAt: Date.now() });
  };

  function load() {
    if (disposed) return;
    if (inflight) {
      again = true;
      return;
    }
    const ac = new AbortController();
    inflight = ac;
    lastLoadAt = Date.now();
    getOptions()
      .load(ac.signal)
      .then(
        (snap) => {
          if (disposed) return;
          inflight = null;
          received(snap);
        },
        (error: unknown) => {
          if (disposed) return;
          inflight = null;
          // keep showing the last good data: a failed refresh is an error line, not an empty screen
          set({ error, loading: false });
        },
      )
      .finally(() => {
        if (!disposed && again && !inflight) {
          again = false;
          load();
        }
      });
  }

  function scheduleRefetch() {
    if (throttle !== null || disposed) return;
    const { refetchThrottleMs = 1000 } = getOptions();
    const wait = Math.max(0, lastLoadAt + refetchThrottleMs - Date.now());
    throttle = setTimeout(() => {
      throttle = null;
      load();
    }, wait);
  }

  const unsubscribe = store.subscribe((signal) => {
    if (signal.type === 'resync') {
      floor = signal.seq;
      buffer = [];
      load();
      return;
    }
    if (inflight) buffer.push(...signal.events);
    const data = state.data;
    if (data === null) return;
    const { apply } = getOptions();
    const fresh = signal.events.filter((e) => e.seq > appliedSeq);
    if (fresh.length === 0) return;
    if (apply) {
      appliedSeq = fresh[fresh.length - 1]?.seq ?? appliedSeq;
      set({ data: apply(data, fresh), updatedAt: Date.now() });
    } else {
      scheduleRefetch();
    }
  });

  const { pollMs } = getOptions();
  if (pollMs) poll = setInterval(load, pollMs);
  load();

  return {
    refresh: load,
    dispose() {
      disposed = true;
      unsubscribe();
      inflight?.abort();
      if (throttle !== null) clearTimeout(throttle);
      if (poll !== null) clearInterval(poll);
    },
  };
}
