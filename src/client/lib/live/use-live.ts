import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useNow } from '../time/use-now';
import { live } from './live-client';
import type { LiveStore } from './live-store';
import type { LiveListener, LiveState } from './live-types';

/** The stream is presented as stale after it has been down this long. */
export const STALE_AFTER_MS = 60_000;

export function useLiveState(store: LiveStore = live): LiveState {
  return useSyncExternalStore(store.subscribeState, store.getState, store.getState);
}

/** Calls `listener` with every batch/resync signal; the latest listener is used without resubscribing. */
export function useLiveSignal(listener: LiveListener, store: LiveStore = live): void {
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => store.subscribe((s) => ref.current(s)), [store]);
}

export interface Staleness {
  stale: boolean;
  /** when the stream went down (ms), if it is down */
  downSince: number | null;
}

export function isStale(state: Pick<LiveState, 'status' | 'downSince'>, now: number, thresholdMs = STALE_AFTER_MS): boolean {
  return state.status !== 'live' && state.downSince !== null && now - state.downSince > thresholdMs;
}

export function useStaleness(store: LiveStore = live, thresholdMs = STALE_AFTER_MS): Staleness {
  // only the two fields staleness reads: the whole state changes with every stream batch (seq, lastSyncAt), and
  // the KPI strip and banner need not re-render 10 times a second under load for that
  const status = useSyncExternalStore(store.subscribeState, () => store.getState().status);
  const downSince = useSyncExternalStore(store.subscribeState, () => store.getState().downSince);
  const now = useNow(1000);
  return { stale: isStale({ status, downSince }, now, thresholdMs), downSince: status === 'live' ? null : downSince };
}
