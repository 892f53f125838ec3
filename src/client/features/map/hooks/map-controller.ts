import type { LiveEvent } from '../../../../shared/contract/event';
import { closedSince, isInMapScope, mapPointOf } from '../../../../shared/contract/map';
import type { MapPoint } from '../../../../shared/contract/map';
import type { EventType } from '../../../../shared/contract/common';
import { matchesFilter } from '../../../../shared/domain/filter';
import { live as defaultLive } from '../../../lib/live/live-client';
import type { LiveStore } from '../../../lib/live/live-store';
import { runLiveResource } from '../../../lib/live/live-resource';
import { fetchMapPointsBody } from '../api/get-map-points';
import { pointsQuery, pointsQueryParams } from '../model/map-filters';
import type { MapFilters } from '../model/map-filters';
import { stateCodeOf, withDueWork, workingMsSinceOrigin } from '../model/map-state';
import type { Bbox } from '../worker/cluster-engine';
import { createClusterClient } from '../worker/cluster-client';
import type { ClusterClient } from '../worker/cluster-client';
import type { BuiltInfo } from '../worker/protocol';

/** Window events for the benchmark's probe: each index build (BuiltInfo) and each snapshot load. */
export const MAP_BUILT_EVENT = 'paht:map-built';
export const MAP_LOADED_EVENT = 'paht:map-loaded';

/** How long a new report pulses where it lands. */
export const PULSE_MS = 2400;
/** Closed reports leave the map when their period has passed: the snapshot is re-fetched this often. */
export const SNAPSHOT_REFRESH_MS = 30 * 60_000;

/** Events that can change what the map shows of a report (a comment, rating or reminder cannot). */
const MAP_EVENTS = new Set<EventType>(['created', 'verified', 'rejected', 'assigned', 'transferred', 'started', 'extended', 'resolved', 'reopened']);

export interface FreshPoint {
  id: number;
  lat: number;
  lng: number;
  state: number;
  /** performance.now() when it arrived */
  t0: number;
  changeId: number;
}

/** A state shown for a point until the index includes its change (-1: hidden). */
export interface Override {
  state: number;
  changeId: number;
}

export interface MapDataState {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  built: BuiltInfo | null;
}

export interface Viewport {
  bbox: Bbox;
  zoom: number;
}

type Listener = () => void;

function emitter() {
  const set = new Set<Listener>();
  return {
    on(l: Listener) {
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
    emit() {
      for (const l of [...set]) l();
    },
  };
}

/**
 * Everything the map's views share, outside React: the worker, the snapshot kept current by the live stream,
 * the viewport, new points still pulsing and in-place recolours waiting for the next index build. Views
 * subscribe to the part they draw; nothing re-renders per event.
 */
export function createMapController(initial: MapFilters, opts: { live?: LiveStore; client?: ClusterClient; radius?: number } = {}) {
  const filters: MapFilters = { ...initial };
  const live = opts.live ?? defaultLive;
  const client = opts.client ?? createClusterClient();
  const query = pointsQuery(filters);
  const { period, ...filter } = query;
  let state: MapDataState = { status: 'loading', error: null, built: null };
  let viewport: Viewport | null = null;
  let fresh: FreshPoint[] = [];
  const overrides = new Map<number, Override>();
  const stateEvents = emitter();
  const viewportEvents = emitter();
  const freshEvents = emitter();
  const overrideEvents = emitter();

  const set = (patch: Partial<MapDataState>) => {
    state = { ...state, ...patch };
    stateEvents.emit();
  };

  const offBuilt = client.onBuilt((info) => {
    let dropped = false;
    for (const [id, o] of overrides) {
      if (o.changeId <= info.changeId) {
        overrides.delete(id);
        dropped = true;
      }
    }
    if (dropped) overrideEvents.emit();
    set({ built: info, status: 'ready' });
    // the benchmark's probe (npm run bench:map) reads index build times from here
    if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(MAP_BUILT_EVENT, { detail: info }));
  });

  function applyEvents(events: readonly LiveEvent[]) {
    const now = Date.now();
    const nowDate = new Date(now);
    const nowWork = workingMsSinceOrigin(now);
    const since = closedSince(period, nowDate);
    const latest = new Map<number, { ev: LiveEvent; created: boolean }>();
    for (const ev of events) {
      if (!MAP_EVENTS.has(ev.type)) continue;
      const prev = latest.get(ev.reportId);
      latest.set(ev.reportId, { ev, created: ev.type === 'created' || (prev?.created ?? false) });
    }
    if (latest.size === 0) return;
    const upserts: MapPoint[] = [];
    const removes: number[] = [];
    const shown: { p: MapPoint; s: number; created: boolean }[] = [];
    for (const { ev, created } of latest.values()) {
      const r = ev.report;
      const rejectedAt = r.status === 'rejected' ? Date.parse(ev.type === 'rejected' ? ev.at : r.updatedAt) : null;
      if (isInMapScope(r, rejectedAt, since) && matchesFilter(r, filter, nowDate)) {
        const p = mapPointOf(r);
        upserts.push(p);
        shown.push({ p, s: stateCodeOf(withDueWork(p), now, nowWork), created });
      } else {
        removes.push(r.id);
      }
    }
    const changeId = client.changes(upserts, removes);
    const t0 = performance.now();
    let freshAdded = false;
    for (const { p, s, created } of shown) {
      const visible = (filters.states & (1 << s)) !== 0;
      if (created && visible) {
        fresh.push({ id: p.id, lat: p.lat, lng: p.lng, state: s, t0, changeId });
        freshAdded = true;
      } else {
        overrides.set(p.id, { state: visible ? s : -1, changeId });
      }
    }
    for (const id of removes) overrides.set(id, { state: -1, changeId });
    if (freshAdded) freshEvents.emit();
    if (shown.length > 0 || removes.length > 0) overrideEvents.emit();
  }

  const run = runLiveResource<{ seq: number }>(
    live,
    () => ({
      load: async (signal) => {
        const t0 = performance.now();
        const body = await fetchMapPointsBody(pointsQueryParams(filters), signal);
        const fetchMs = performance.now() - t0;
        // read before the buffer is transferred to the worker (it is empty here afterwards)
        const bytes = body.byteLength;
        const r = await client.load(body, filters.states, opts.radius);
        if (typeof window !== 'undefined') {
          window.dispatchEvent(new CustomEvent(MAP_LOADED_EVENT, { detail: { count: r.count, bytes, fetchMs, parseMs: r.parseMs } }));
        }
        return { seq: r.seq };
      },
      apply: (data, events) => {
        applyEvents(events);
        return data;
      },
      pollMs: SNAPSHOT_REFRESH_MS,
    }),
    (s) => {
      if (s.error !== null && s.error !== undefined) set({ status: state.built ? 'ready' : 'error', error: s.error });
      else if (!s.loading) set({ error: null });
    },
  );

  return {
    client,
    filters: filters as Readonly<MapFilters>,
    /** a state filter change: the running worker re-clusters, nothing is downloaded again */
    setMask(mask: number) {
      if (mask === filters.states) return;
      filters.states = mask;
      client.setMask(mask);
    },
    getState: () => state,
    subscribe: stateEvents.on,
    getViewport: () => viewport,
    setViewport(v: Viewport) {
      viewport = v;
      viewportEvents.emit();
    },
    subscribeViewport: viewportEvents.on,
    /** new points still pulsing (or not yet in the index) */
    fresh(): readonly FreshPoint[] {
      const now = performance.now();
      const included = state.built?.changeId ?? 0;
      if (fresh.some((f) => now - f.t0 > PULSE_MS && f.changeId <= included)) {
        fresh = fresh.filter((f) => now - f.t0 <= PULSE_MS || f.changeId > included);
      }
      return fresh;
    },
    subscribeFresh: freshEvents.on,
    overrides: (): ReadonlyMap<number, Override> => overrides,
    subscribeOverrides: overrideEvents.on,
    refresh: run.refresh,
    dispose() {
      run.dispose();
      offBuilt();
      client.dispose();
    },
  };
}

export type MapController = ReturnType<typeof createMapController>;
