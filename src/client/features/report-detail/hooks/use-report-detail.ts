import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDetailResponse } from '../../../../shared/contract/api';
import { useLiveSignal } from '../../../lib/live/use-live';
import { getReportDetail } from '../api/get-report-detail';

/** Several events about the report in a burst (assigned, started…) cause one refetch, not one each. */
const REFETCH_THROTTLE_MS = 500;

export interface ReportDetailState {
  data: ReportDetailResponse | null;
  error: unknown;
  loading: boolean;
  /** wall-clock ms when the data last changed because of a live event (null: as first loaded) */
  liveUpdatedAt: number | null;
  retry: () => void;
}

/**
 * The report's detail, refetched whenever the stream carries an event about it (or asks for a resync), so an
 * open drawer follows the report live. The previous data stays on screen during a refetch.
 */
export function useReportDetail(id: number | null): ReportDetailState {
  const [state, setState] = useState<{ id: number | null; data: ReportDetailResponse | null; error: unknown; liveUpdatedAt: number | null }>({
    id: null,
    data: null,
    error: null,
    liveUpdatedAt: null,
  });
  const [nonce, setNonce] = useState(0);
  const live = useRef(false);
  const throttle = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (id === null) return;
    const ac = new AbortController();
    const fromLive = live.current;
    live.current = false;
    getReportDetail(id, ac.signal).then(
      (data) => setState({ id, data, error: null, liveUpdatedAt: fromLive ? Date.now() : null }),
      (error: unknown) => {
        if (ac.signal.aborted) return;
        setState((s) => ({ id, data: s.id === id ? s.data : null, error, liveUpdatedAt: s.id === id ? s.liveUpdatedAt : null }));
      },
    );
    return () => ac.abort();
  }, [id, nonce]);

  useEffect(
    () => () => {
      if (throttle.current !== null) clearTimeout(throttle.current);
    },
    [],
  );

  const refetchSoon = useCallback(() => {
    if (throttle.current !== null) return;
    throttle.current = setTimeout(() => {
      throttle.current = null;
      live.current = true;
      setNonce((n) => n + 1);
    }, REFETCH_THROTTLE_MS);
  }, []);

  useLiveSignal((signal) => {
    if (id === null) return;
    if (signal.type === 'resync' || signal.events.some((e) => e.reportId === id)) refetchSoon();
  });

  const current = state.id === id ? state : null;
  return {
    data: current?.data ?? null,
    error: current?.error ?? null,
    loading: id !== null && current === null,
    liveUpdatedAt: current?.liveUpdatedAt ?? null,
    retry: () => setNonce((n) => n + 1),
  };
}
