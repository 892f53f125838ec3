import { useEffect, useRef, useState } from 'react';
import { live } from './live-client';
import type { LiveStore } from './live-store';
import { runLiveResource } from './live-resource';
import type { LiveResourceOptions, LiveResourceState } from './live-resource';

/**
 * A REST snapshot kept current by the live stream (see runLiveResource). `key` identifies the query: a new key
 * starts over with a new snapshot.
 */
export function useLiveResource<T extends { seq: number }>(
  key: string,
  options: LiveResourceOptions<T>,
  store: LiveStore = live,
): LiveResourceState<T> & { refresh: () => void } {
  const [state, setState] = useState<LiveResourceState<T>>({ data: null, error: null, loading: true, updatedAt: null });
  const optionsRef = useRef(options);
  const refreshRef = useRef<() => void>(() => {});
  useEffect(() => {
    optionsRef.current = options;
  });
  useEffect(() => {
    // on a new key the previous data stays on screen until the new snapshot replaces it (values, not spinners)
    const run = runLiveResource(store, () => optionsRef.current, setState);
    refreshRef.current = run.refresh;
    return run.dispose;
  }, [key, store]);
  return { ...state, refresh: () => refreshRef.current() };
}
