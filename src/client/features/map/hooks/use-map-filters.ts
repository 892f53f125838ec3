import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseChoropleth, parseMapFilters, writeMapFilters } from '../model/map-filters';
import type { Choropleth, MapFilters } from '../model/map-filters';

/**
 * The map's filters and choropleth, kept in the URL so any view can be bookmarked or put on a wall. Changes
 * replace the history entry (typing a search does not fill Back with every keystroke).
 */
export function useMapFilters(): { filters: MapFilters; choropleth: Choropleth; setFilters: (f: MapFilters) => void; setChoropleth: (c: Choropleth) => void } {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the parsed value changes only with the query string
  const filters = useMemo(() => parseMapFilters(params), [key]);
  const choropleth = parseChoropleth(params);
  const setFilters = useCallback((f: MapFilters) => setParams((prev) => writeMapFilters(prev, f), { replace: true }), [setParams]);
  const setChoropleth = useCallback(
    (c: Choropleth) => setParams((prev) => writeMapFilters(prev, parseMapFilters(prev), c), { replace: true }),
    [setParams],
  );
  return { filters, choropleth, setFilters, setChoropleth };
}
