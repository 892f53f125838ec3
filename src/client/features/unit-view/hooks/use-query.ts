import { useEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/**
 * Loads once per `key` (a new key aborts the old request and starts over), optionally again every `pollMs`.
 * For data that changes slowly or not at all (past quarters, the quarter list); live data uses useLiveResource.
 */
export function useQuery<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, pollMs?: number): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: null, error: null, loading: key !== null });
  // a new key starts over (adjusting state while rendering, React's pattern for state that follows a prop)
  const [shownKey, setShownKey] = useState(key);
  if (key !== shownKey) {
    setShownKey(key);
    setState({ data: null, error: null, loading: key !== null });
  }
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    let ac = new AbortController();
    const run = () => {
      ac.abort();
      ac = new AbortController();
      const signal = ac.signal;
      loadRef.current(signal).then(
        (data) => {
          if (!signal.aborted) setState({ data, error: null, loading: false });
        },
        (error: unknown) => {
          if (!signal.aborted) setState((s) => ({ data: s.data, error, loading: false }));
        },
      );
    };
    run();
    const timer = pollMs ? setInterval(run, pollMs) : null;
    return () => {
      ac.abort();
      if (timer) clearInterval(timer);
    };
  }, [key, pollMs]);
  return state;
}
