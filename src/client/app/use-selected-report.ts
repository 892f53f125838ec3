import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The URL parameter that deep-links the report detail drawer: `/map?report=123` opens report 123. */
export const REPORT_PARAM = 'report';

function parseId(raw: string | null): number | null {
  if (raw === null || !/^[1-9][0-9]{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The report shown in the detail drawer, kept in the URL (`?report=<id>`) so a view with an open report can be
 * bookmarked, shared or put on a wall screen. Other parameters (the map's filters) are kept as they are; the
 * history entry is replaced, so Back leaves the page rather than stepping through every report opened.
 */
export function useSelectedReport(): [number | null, (id: number | null) => void] {
  const [params, setParams] = useSearchParams();
  const selected = parseId(params.get(REPORT_PARAM));
  const select = useCallback(
    (id: number | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id === null) next.delete(REPORT_PARAM);
          else next.set(REPORT_PARAM, String(id));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [selected, select];
}
