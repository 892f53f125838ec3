import type { Feature, Point } from 'geojson';
import Supercluster from 'supercluster';
import type { MapPoint } from '../../../../shared/contract/map';
import { ALL_STATES_MASK, isOpenStatus, STATE_COUNT, stateCodeOf, withDueWork, workingMsSinceOrigin } from '../model/map-state';
import type { ClassifiedPoint } from '../model/map-state';

/**
 * The clustering engine, pure and synchronous: the Web Worker (cluster.worker.ts) hosts it off the main thread;
 * unit tests and jsdom call it directly. It holds every point in scope, derives each point's state, clusters
 * those whose state passes the mask (supercluster, with the state mix of every cluster reduced into it), and
 * answers viewport queries with typed arrays.
 */

/** supercluster properties of a point: its id and a one-hot state vector (summed into cluster properties). */
interface PointProps {
  id: number;
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}
type ClusterProps = PointProps & { cluster?: boolean; cluster_id?: number; point_count?: number };

interface PointRecord extends ClassifiedPoint {
  state: number;
  props: PointProps;
  feature: Feature<Point, PointProps>;
}

export type Bbox = [west: number, south: number, east: number, north: number];

/** Items of a viewport query as parallel arrays (transferable): clusters and single points. */
export interface QueryResult {
  version: number;
  zoom: number;
  n: number;
  /** 1 for a cluster */
  cluster: Uint8Array;
  /** report id for a point, cluster id for a cluster */
  id: Float64Array;
  lng: Float64Array;
  lat: Float64Array;
  count: Uint32Array;
  /** a point's state code (clusters: their most urgent state present) */
  state: Uint8Array;
  /** STATE_COUNT counts per item */
  mix: Uint32Array;
}

export interface Totals {
  /** points passing the state mask (what the map shows) */
  count: number;
  /** per state, over every point in scope (whatever the mask) */
  byState: number[];
  /** points in scope before the state mask */
  loaded: number;
}

export interface ListItem {
  id: number;
  state: number;
  lat: number;
  lng: number;
  categoryId: string;
  agencyId: string | null;
  districtCode: string | null;
  receivedAt: number;
  dueAt: number | null;
}

export interface EngineOptions {
  /** cluster radius in CSS pixels */
  radius?: number;
  /** the highest zoom at which points are clustered; above it every point is drawn */
  maxZoom?: number;
}

const URGENCY = [3, 2, 0, 1, 4, 5]; // overdue first, then due soon, new, handling, resolved, rejected

function oneHot(id: number, state: number): PointProps {
  return { id, c0: state === 0 ? 1 : 0, c1: state === 1 ? 1 : 0, c2: state === 2 ? 1 : 0, c3: state === 3 ? 1 : 0, c4: state === 4 ? 1 : 0, c5: state === 5 ? 1 : 0 };
}

export function createClusterEngine(opts: EngineOptions = {}) {
  let radius = opts.radius ?? 64;
  const maxZoom = opts.maxZoom ?? 16;
  const records = new Map<number, PointRecord>();
  let mask = ALL_STATES_MASK;
  let index: Supercluster<PointProps, ClusterProps> | null = null;
  let version = 0;
  let dirty = true;
  let lastNow = Date.now();
  let lastNowWork = workingMsSinceOrigin(lastNow);

  const setNow = (now: number) => {
    if (now !== lastNow) {
      lastNow = now;
      lastNowWork = workingMsSinceOrigin(now);
    }
  };

  function put(p: MapPoint): void {
    const c = withDueWork(p);
    const state = stateCodeOf(c, lastNow, lastNowWork);
    const props = oneHot(p.id, state);
    const prev = records.get(p.id);
    if (prev && prev.lat === p.lat && prev.lng === p.lng && prev.state === state && prev.status === p.status && prev.dueAt === p.dueAt && prev.agencyId === p.agencyId) {
      // nothing the map shows has changed (a comment, a reminder): no rebuild needed for it
      Object.assign(prev, c);
      return;
    }
    records.set(p.id, { ...c, state, props, feature: { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } } });
    dirty = true;
  }

  return {
    get dirty() {
      return dirty;
    },
    get version() {
      return version;
    },
    get size() {
      return records.size;
    },
    /** Replaces every point. */
    load(points: readonly MapPoint[], now: number): void {
      setNow(now);
      records.clear();
      for (const p of points) put(p);
      dirty = true;
    },
    upsert(points: readonly MapPoint[], now: number): void {
      setNow(now);
      for (const p of points) put(p);
    },
    remove(ids: readonly number[]): void {
      for (const id of ids) if (records.delete(id)) dirty = true;
    },
    /** Cluster radius in CSS pixels (bigger symbols on a wall need bigger clusters); applies at the next build. */
    setRadius(r: number): void {
      if (r > 0 && r !== radius) {
        radius = r;
        dirty = true;
      }
    },
    setMask(m: number): void {
      if (m !== mask) {
        mask = m;
        dirty = true;
      }
    },
    /** Re-derives every point's state at `now` (deadlines pass with no event); true when any changed. */
    classify(now: number): boolean {
      setNow(now);
      let changed = false;
      for (const r of records.values()) {
        const s = stateCodeOf(r, lastNow, lastNowWork);
        if (s !== r.state) {
          r.state = s;
          r.props = oneHot(r.id, s);
          r.feature.properties = r.props;
          changed = true;
        }
      }
      if (changed) dirty = true;
      return changed;
    },
    /** Rebuilds the cluster index from the points passing the mask. */
    build(): { ms: number; totals: Totals } {
      const t0 = performance.now();
      const features: Feature<Point, PointProps>[] = [];
      for (const r of records.values()) if (mask & (1 << r.state)) features.push(r.feature);
      const sc = new Supercluster<PointProps, ClusterProps>({
        radius,
        // 256 = Leaflet's tile size, so `radius` is in screen pixels
        extent: 256,
        maxZoom,
        // properties are reduced in place on the cluster's own copy: the points' one-hot vectors stay as they are
        reduce: (acc, p) => {
          acc.c0 += p.c0;
          acc.c1 += p.c1;
          acc.c2 += p.c2;
          acc.c3 += p.c3;
          acc.c4 += p.c4;
          acc.c5 += p.c5;
        },
      });
      sc.load(features);
      index = sc;
      version += 1;
      dirty = false;
      return { ms: performance.now() - t0, totals: this.totals() };
    },
    totals(): Totals {
      const byState = new Array<number>(STATE_COUNT).fill(0);
      let count = 0;
      for (const r of records.values()) {
        byState[r.state] = (byState[r.state] ?? 0) + 1;
        if (mask & (1 << r.state)) count += 1;
      }
      return { count, byState, loaded: records.size };
    },
    query(bbox: Bbox, zoom: number): QueryResult {
      const z = Math.max(0, Math.round(zoom));
      const found = index ? index.getClusters(bbox, z) : [];
      const n = found.length;
      const out: QueryResult = {
        version,
        zoom: z,
        n,
        cluster: new Uint8Array(n),
        id: new Float64Array(n),
        lng: new Float64Array(n),
        lat: new Float64Array(n),
        count: new Uint32Array(n),
        state: new Uint8Array(n),
        mix: new Uint32Array(n * STATE_COUNT),
      };
      for (let i = 0; i < n; i++) {
        const f = found[i] as (typeof found)[number];
        const p = f.properties as ClusterProps;
        const [lng, lat] = f.geometry.coordinates as [number, number];
        out.lng[i] = lng;
        out.lat[i] = lat;
        const m = [p.c0, p.c1, p.c2, p.c3, p.c4, p.c5];
        for (let s = 0; s < STATE_COUNT; s++) out.mix[i * STATE_COUNT + s] = m[s] ?? 0;
        out.state[i] = URGENCY.find((s) => (m[s] ?? 0) > 0) ?? 1;
        if (p.cluster) {
          out.cluster[i] = 1;
          out.id[i] = p.cluster_id ?? 0;
          out.count[i] = p.point_count ?? 0;
        } else {
          out.id[i] = p.id;
          out.count[i] = 1;
        }
      }
      return out;
    },
    expansionZoom(clusterId: number): number {
      if (!index) return maxZoom + 1;
      try {
        return index.getClusterExpansionZoom(clusterId);
      } catch {
        // the index was rebuilt since the cluster was drawn: its id no longer exists
        return -1;
      }
    },
    /** Points passing the mask inside `bbox`, newest first, paged. */
    list(bbox: Bbox, offset: number, limit: number): { total: number; items: ListItem[] } {
      const [w, s, e, n] = bbox;
      const inside: PointRecord[] = [];
      for (const r of records.values()) {
        if (mask & (1 << r.state) && r.lng >= w && r.lng <= e && r.lat >= s && r.lat <= n) inside.push(r);
      }
      inside.sort((a, b) => b.receivedAt - a.receivedAt || b.id - a.id);
      const items = inside.slice(offset, offset + limit).map(
        (r): ListItem => ({
          id: r.id,
          state: r.state,
          lat: r.lat,
          lng: r.lng,
          categoryId: r.categoryId,
          agencyId: r.agencyId,
          districtCode: r.districtCode,
          receivedAt: r.receivedAt,
          dueAt: r.dueAt,
        }),
      );
      return { total: inside.length, items };
    },
    /** The earliest due instant after `now` of an open point not yet overdue: when the next overdue flip happens. */
    nextDueAfter(now: number): number | null {
      let next = Infinity;
      for (const r of records.values()) {
        if (r.dueAt !== null && r.dueAt >= now && r.dueAt < next && isOpenStatus(r.status)) next = r.dueAt;
      }
      return next === Infinity ? null : next;
    },
    stateOf(id: number): number | undefined {
      return records.get(id)?.state;
    },
  };
}

export type ClusterEngine = ReturnType<typeof createClusterEngine>;
