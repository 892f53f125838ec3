import { useCallback, useEffect, useState } from 'react';
import type { QuarterListResponse, RankingResponse } from '../../../../shared/contract/rankings';
import { useLiveResource } from '../../../lib/live/use-live-resource';
import { getQuarterList, getRanking } from './rankings-api';

/** A running quarter's ranking moves with the data: refetch at most every 15 s under a stream of events. */
export const RANKING_THROTTLE_MS = 15_000;
/** …and every 2 minutes regardless (overdue reports turn overdue with time alone). */
export const RANKING_POLL_MS = 120_000;

/** An ended quarter changes only with back-dated events (the server caches it): a slow refresh is enough. */
export const ENDED_THROTTLE_MS = 60_000;

/** The ranking of `quarter`, kept current while the quarter runs; an ended one refreshed now and then. */
export function useRanking(quarter: string, provisional: boolean) {
  return useLiveResource<RankingResponse>(`ranking:${quarter}:${provisional ? 'live' : 'fixed'}`, {
    load: (signal) => getRanking(quarter, signal),
    refetchThrottleMs: provisional ? RANKING_THROTTLE_MS : ENDED_THROTTLE_MS,
    pollMs: provisional ? RANKING_POLL_MS : undefined,
  });
}

export function useQuarterList(): { data: QuarterListResponse | null; error: unknown; reload: () => void } {
  const [data, setData] = useState<QuarterListResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    const ac = new AbortController();
    getQuarterList(ac.signal).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => {
        if (!ac.signal.aborted) setError(e);
      },
    );
    return () => ac.abort();
  }, [n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, reload };
}
