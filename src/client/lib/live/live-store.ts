import { z } from 'zod';
import { liveEvent } from '../../../shared/contract/event';
import type { LiveEvent } from '../../../shared/contract/event';
import type { LiveListener, LiveSignal, LiveSocket, LiveState, SocketFactory } from './live-types';

const liveBatch = z.array(liveEvent);

/** rAF does not run in a hidden tab; this keeps a backgrounded wall screen current anyway. */
export const HIDDEN_FLUSH_MS = 250;

export interface LiveStoreOptions {
  createSocket: SocketFactory;
  now?: () => number;
  /**
   * Whether this browser's stream is narrowed to one unit (a unit head's, docs/decisions/0011): its seqs skip the
   * other units' events, so a jump is not a loss. Asked when the stream starts (the replay arrives before
   * `live:subscribed` says so); `live:subscribed.scope` confirms it.
   */
  isScoped?: () => boolean;
  /**
   * The server refused the socket because nobody is signed in any more (session expired, signed out elsewhere,
   * display token revoked). socket.io does not retry a refused handshake, so a wall showing only live views would
   * sit "reconnecting" forever: the app goes to its login page instead.
   */
  onUnauthenticated?: () => void;
}

export interface LiveStore {
  getState(): LiveState;
  subscribeState(listener: () => void): () => void;
  subscribe(listener: LiveListener): () => void;
  /** Starts the stream after the snapshot stamped `since`; later calls are ignored (the first snapshot wins). */
  start(since: number): void;
  stop(): void;
  readonly started: boolean;
}

export function createLiveStore({ createSocket, now = Date.now, isScoped = () => false, onUnauthenticated }: LiveStoreOptions): LiveStore {
  let state: LiveState = { status: 'connecting', seq: null, lastEventAt: null, lastSyncAt: null, downSince: null };
  const stateListeners = new Set<() => void>();
  const listeners = new Set<LiveListener>();

  let socket: LiveSocket | null = null;
  let started = false;
  let stopped = false;
  /** last seq accepted from the socket; ahead of state.seq until the next flush */
  let seq = 0;
  let pending: LiveEvent[] = [];
  let resyncPending = false;
  let scoped = false;
  let lastEventAt: number | null = null;
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setState = (patch: Partial<LiveState>) => {
    state = { ...state, ...patch };
    for (const l of stateListeners) l();
  };

  const goDown = (status: 'reconnecting' | 'offline') => {
    setState({ status, downSince: state.downSince ?? now() });
  };

  function flush() {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
    const signal: LiveSignal | null = resyncPending
      ? { type: 'resync', seq }
      : pending.length > 0
        ? { type: 'events', events: pending }
        : null;
    // events queued before a resync are covered by the snapshot the listeners will fetch
    pending = [];
    resyncPending = false;
    setState({ seq, lastEventAt, ...(lastEventAt !== null && state.status === 'live' ? { lastSyncAt: lastEventAt } : {}) });
    if (!signal) return;
    for (const l of [...listeners]) {
      try {
        l(signal);
      } catch (err) {
        // one broken view must not starve the others of events
        console.error('live listener failed', err);
      }
    }
  }

  function scheduleFlush() {
    if (frame !== null || timer !== null) return;
    const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
    if (visible && typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(flush);
    // the timer is also the fallback when the tab is hidden between scheduling and the frame
    timer = setTimeout(flush, HIDDEN_FLUSH_MS);
  }

  function requestResync(newSeq: number) {
    seq = newSeq;
    resyncPending = true;
    pending = [];
    scheduleFlush();
  }

  function onBatch(raw: unknown) {
    const parsed = liveBatch.safeParse(raw);
    if (!parsed.success) {
      console.error('report:events batch does not match the contract', parsed.error.issues[0]);
      // the batch may have advanced the server past us: start over from a snapshot
      resubscribe();
      requestResync(seq);
      return;
    }
    let gap = false;
    const fresh: LiveEvent[] = [];
    for (const ev of parsed.data) {
      // a replay overlapping what we already have: never apply an event twice
      if (ev.seq <= seq) continue;
      // a unit-scoped stream skips other units' seqs by design: only an unscoped one can tell a loss from a jump
      if (!scoped && ev.seq !== seq + 1) gap = true;
      seq = ev.seq;
      fresh.push(ev);
    }
    if (fresh.length === 0) return;
    lastEventAt = now();
    if (gap) {
      requestResync(seq);
      return;
    }
    if (!resyncPending) pending.push(...fresh);
    scheduleFlush();
  }

  function resubscribe() {
    socket?.emit('live:subscribe', { since: seq });
  }

  function wire(s: LiveSocket) {
    s.on('connect', () => {
      // every (re)connection resumes from the last seq we hold; the server replays what we missed
      resubscribe();
    });
    s.on('live:subscribed', (info) => {
      const t = now();
      setState({ status: 'live', downSince: null, lastSyncAt: t });
      if (info.scope !== undefined) {
        // the server replayed everything of the unit up to its head: resume from there, nothing was lost
        scoped = true;
        seq = Math.max(seq, info.seq);
        return;
      }
      if (info.seq > seq) {
        // the replay ended past what we received: something was lost on the way
        requestResync(info.seq);
      }
    });
    s.on('report:events', onBatch);
    s.on('live:resync', (info) => {
      // the server cannot replay (too far behind, or it was reset): resume from its seq after re-snapshotting,
      // and say so — the figures on screen were replaced, not updated event by event
      setState({ resync: { at: now(), reason: info.reason } });
      requestResync(info.seq);
      resubscribe();
    });
    s.on('disconnect', (reason) => {
      if (stopped) return;
      goDown(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting');
      // socket.io does not reconnect by itself after a server-side disconnect
      if (reason === 'io server disconnect') s.connect();
    });
    s.on('connect_error', (err) => {
      if (stopped) return;
      if (err?.message === 'unauthenticated') onUnauthenticated?.();
      if (state.status === 'live' || state.status === 'connecting') goDown('reconnecting');
    });
    s.io.on('ping', () => {
      if (state.status === 'live') setState({ lastSyncAt: now() });
    });
  }

  const onOffline = () => {
    if (!stopped) goDown('offline');
  };
  const onOnline = () => {
    if (stopped || !socket) return;
    if (state.status === 'offline') setState({ status: 'reconnecting' });
    if (!socket.connected) socket.connect();
  };

  return {
    getState: () => state,
    subscribeState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get started() {
      return started;
    },
    start(since) {
      if (started) return;
      started = true;
      seq = since;
      scoped = isScoped();
      // counted as down from the start until the first subscription, so a stream that never comes up goes stale
      setState({ seq, status: 'connecting', downSince: now() });
      if (typeof window !== 'undefined') {
        window.addEventListener('offline', onOffline);
        window.addEventListener('online', onOnline);
      }
      createSocket().then(
        (s) => {
          if (stopped) {
            s.disconnect();
            return;
          }
          socket = s;
          wire(s);
          if (s.connected) resubscribe();
        },
        (err: unknown) => {
          console.error('could not start the live connection', err);
          goDown('offline');
        },
      );
    },
    stop() {
      stopped = true;
      socket?.disconnect();
      socket = null;
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = null;
      timer = null;
      if (typeof window !== 'undefined') {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      setState({ status: 'offline', downSince: state.downSince ?? now() });
    },
  };
}
