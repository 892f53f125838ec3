import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { MapFilters } from '../model/map-filters';
import { filtersKey } from '../model/map-filters';
import { createMapController } from './map-controller';
import type { MapController, MapDataState } from './map-controller';

const MapDataContext = createContext<MapController | null>(null);

/**
 * One controller (worker + snapshot + stream) per data set: a new filter key starts a new one; a state-only
 * change is applied to the running worker (the index is rebuilt, nothing is downloaded again).
 */
function useController(filters: MapFilters, radius: number | undefined): MapController | null {
  const key = filtersKey(filters);
  const [controller, setController] = useState<MapController | null>(null);
  useEffect(() => {
    const c = createMapController(filters, { radius });
    // the controller owns a worker and a stream subscription: it lives exactly as long as this effect
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setController(c);
    return () => c.dispose();
    // the controller is keyed by the data set; the state mask is pushed below without a reload
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    controller?.setMask(filters.states);
  }, [controller, filters.states]);
  return controller;
}

/** `radius`: cluster radius in CSS px (default 64; the wall's larger badges need more room). */
export function MapDataProvider({ filters, radius, children }: { filters: MapFilters; radius?: number; children: ReactNode }) {
  const controller = useController(filters, radius);
  return <MapDataContext value={controller}>{children}</MapDataContext>;
}

export function useMapController(): MapController | null {
  return useContext(MapDataContext);
}

const idle: MapDataState = { status: 'loading', error: null, built: null };
const noop = () => () => {};

/** Re-renders when the data state changes: at most once per index build (≤ 2/s), never per event. */
export function useMapDataState(controller: MapController | null): MapDataState {
  return useSyncExternalStore(controller?.subscribe ?? noop, controller?.getState ?? (() => idle), controller?.getState ?? (() => idle));
}
