import { z } from 'zod';
import { isoInstant, openStatuses, reportStatuses } from './common';
import type { ReportStatus } from './common';
import { reportFilter } from './api';
import type { Report } from './report';

/**
 * How far back closed reports (resolved or rejected) stay on the live map; open reports are always on it.
 * 'none' = open reports only.
 */
export const mapPeriods = ['none', '1d', '7d', '30d', '90d'] as const;
export const mapPeriod = z.enum(mapPeriods);
export type MapPeriod = z.infer<typeof mapPeriod>;
export const DEFAULT_MAP_PERIOD: MapPeriod = '7d';

const DAY_MS = 86_400_000;
const periodDays: Record<MapPeriod, number> = { none: 0, '1d': 1, '7d': 7, '30d': 30, '90d': 90 };

/** The instant from which closed reports are shown (null: none are). A rolling window ending now. */
export function closedSince(period: MapPeriod, now: Date): Date | null {
  const days = periodDays[period];
  return days === 0 ? null : new Date(now.getTime() - days * DAY_MS);
}

/**
 * Whether a report belongs on the map at all (before the report filter): open, or closed inside the period.
 * `rejectedAt` is the instant of its rejection (reports carry no such field; the event log does).
 */
export function isInMapScope(r: Pick<Report, 'status' | 'resolvedAt'>, rejectedAt: number | null, since: Date | null): boolean {
  if (openStatuses.includes(r.status)) return true;
  if (since === null) return false;
  if (r.status === 'resolved') return r.resolvedAt !== null && Date.parse(r.resolvedAt) >= since.getTime();
  if (r.status === 'rejected') return rejectedAt !== null && rejectedAt >= since.getTime();
  return false;
}

/** GET /api/v1/map/points: the report filter of /api/v1/reports plus the closed-report period. */
export const mapPointsQuery = reportFilter.extend({ period: mapPeriod.default(DEFAULT_MAP_PERIOD) });
export type MapPointsQuery = z.infer<typeof mapPointsQuery>;

const ints = z.array(z.number().int());

/**
 * Every report in scope as parallel columns (no texts): one small integer or number per report and column,
 * so 100,000 points are a few MB of JSON that gzip well. Row i of every column is the same report.
 * - id: ascending, delta-encoded (id[i] = id[i-1] + id[i]; id[0] as is)
 * - lat/lng: degrees × 1e5, rounded (about 1 m)
 * - status: index into `statuses`; category/agency/district: index into the lists given, -1 for none
 * - receivedAt: epoch seconds; dueAt: epoch milliseconds (exact, so overdue flips at the same instant as on
 *   the server), 0 for none
 */
export const mapPointsResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  period: mapPeriod,
  /** closed reports shown are those closed at or after this instant (null: open reports only) */
  closedSince: isoInstant.nullable(),
  count: z.number().int().nonnegative(),
  statuses: z.array(z.enum(reportStatuses)),
  categories: z.array(z.string()),
  agencies: z.array(z.string()),
  districts: z.array(z.string()),
  id: ints,
  lat: ints,
  lng: ints,
  status: ints,
  category: ints,
  agency: ints,
  district: ints,
  receivedAt: ints,
  dueAt: ints,
});
export type MapPointsResponse = z.infer<typeof mapPointsResponse>;

const COLUMNS = ['id', 'lat', 'lng', 'status', 'category', 'agency', 'district', 'receivedAt', 'dueAt'] as const;

/**
 * mapPointsResponse.parse for large bodies: the small head through the schema, the columns by a plain loop
 * (zod checks 900k numbers ~50× slower, and this runs on every snapshot). Same acceptance: integer columns of
 * one length, indexes inside their lists.
 */
export function parseMapPoints(json: unknown): MapPointsResponse {
  if (!json || typeof json !== 'object') throw new Error('map points: not an object');
  const body = json as Record<string, unknown>;
  const head = mapPointsResponse.omit(Object.fromEntries(COLUMNS.map((c) => [c, true])) as { [K in (typeof COLUMNS)[number]]: true }).parse(body);
  const n = Array.isArray(body.id) ? body.id.length : -1;
  const limits: Partial<Record<(typeof COLUMNS)[number], [number, number]>> = {
    status: [0, head.statuses.length - 1],
    category: [0, head.categories.length - 1],
    agency: [-1, head.agencies.length - 1],
    district: [-1, head.districts.length - 1],
  };
  for (const c of COLUMNS) {
    const col = body[c];
    if (!Array.isArray(col) || col.length !== n) throw new Error(`map points: ${c} is not a column of ${n} values`);
    const [lo, hi] = limits[c] ?? [-Infinity, Infinity];
    for (let i = 0; i < n; i++) {
      const v: unknown = col[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new Error(`map points: ${c}[${i}] is not a valid value`);
    }
  }
  return body as MapPointsResponse;
}

/** One report as the map needs it. */
export interface MapPoint {
  id: number;
  lat: number;
  lng: number;
  status: ReportStatus;
  categoryId: string;
  agencyId: string | null;
  districtCode: string | null;
  /** epoch ms (whole seconds) */
  receivedAt: number;
  /** epoch ms, null for none */
  dueAt: number | null;
}

export function mapPointOf(r: Report): MapPoint {
  return {
    id: r.id,
    lat: r.lat,
    lng: r.lng,
    status: r.status,
    categoryId: r.categoryId,
    agencyId: r.agencyId,
    districtCode: r.districtCode,
    receivedAt: Math.floor(Date.parse(r.receivedAt) / 1000) * 1000,
    dueAt: r.dueAt === null ? null : Date.parse(r.dueAt),
  };
}

/** Columns of `points` (any order; sorted here by id). Server and mock encode through this one function. */
export function encodeMapPoints(
  points: MapPoint[],
  head: { seq: number; now: Date; period: MapPeriod },
): MapPointsResponse {
  const sorted = [...points].sort((a, b) => a.id - b.id);
  const dict = () => {
    const list: string[] = [];
    const index = new Map<string, number>();
    return {
      list,
      of(v: string | null): number {
        if (v === null) return -1;
        let i = index.get(v);
        if (i === undefined) {
          i = list.length;
          list.push(v);
          index.set(v, i);
        }
        return i;
      },
    };
  };
  const categories = dict();
  const agencies = dict();
  const districts = dict();
  const n = sorted.length;
  const out: MapPointsResponse = {
    seq: head.seq,
    asOf: head.now.toISOString(),
    period: head.period,
    closedSince: closedSince(head.period, head.now)?.toISOString() ?? null,
    count: n,
    statuses: [...reportStatuses],
    categories: categories.list,
    agencies: agencies.list,
    districts: districts.list,
    id: new Array<number>(n),
    lat: new Array<number>(n),
    lng: new Array<number>(n),
    status: new Array<number>(n),
    category: new Array<number>(n),
    agency: new Array<number>(n),
    district: new Array<number>(n),
    receivedAt: new Array<number>(n),
    dueAt: new Array<number>(n),
  };
  const statusIndex = new Map(reportStatuses.map((s, i) => [s, i]));
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const p = sorted[i] as MapPoint;
    out.id[i] = p.id - prev;
    prev = p.id;
    out.lat[i] = Math.round(p.lat * 1e5);
    out.lng[i] = Math.round(p.lng * 1e5);
    out.status[i] = statusIndex.get(p.status) ?? -1;
    out.category[i] = categories.of(p.categoryId);
    out.agency[i] = agencies.of(p.agencyId);
    out.district[i] = districts.of(p.districtCode);
    out.receivedAt[i] = Math.floor(p.receivedAt / 1000);
    out.dueAt[i] = p.dueAt ?? 0;
  }
  return out;
}

/** The inverse of encodeMapPoints (positions at 1e-5 degree precision). */
export function decodeMapPoints(res: MapPointsResponse): MapPoint[] {
  const n = res.id.length;
  for (const col of [res.lat, res.lng, res.status, res.category, res.agency, res.district, res.receivedAt, res.dueAt]) {
    if (col.length !== n) throw new Error('map points: columns of different lengths');
  }
  const out = new Array<MapPoint>(n);
  let id = 0;
  for (let i = 0; i < n; i++) {
    id += res.id[i] as number;
    const a = res.agency[i] as number;
    const d = res.district[i] as number;
    const due = res.dueAt[i] as number;
    out[i] = {
      id,
      lat: (res.lat[i] as number) / 1e5,
      lng: (res.lng[i] as number) / 1e5,
      status: res.statuses[res.status[i] as number] as ReportStatus,
      categoryId: res.categories[res.category[i] as number] as string,
      agencyId: a < 0 ? null : (res.agencies[a] as string),
      districtCode: d < 0 ? null : (res.districts[d] as string),
      receivedAt: (res.receivedAt[i] as number) * 1000,
      dueAt: due === 0 ? null : due,
    };
  }
  return out;
}

/** GET /api/v1/stats/districts: open and overdue reports per district for the same filter as the list. */
export const districtStatsQuery = reportFilter;
export const districtStat = z.object({
  /** GSO district code; null for reports outside every district */
  code: z.string().nullable(),
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
});
export type DistrictStat = z.infer<typeof districtStat>;
export const districtStatsResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  /** one row per district of the reference data (zeros included), then a null-code row when any report has no district */
  districts: z.array(districtStat),
});
export type DistrictStatsResponse = z.infer<typeof districtStatsResponse>;

/** GET /api/v1/config: what the client may show that the operator configures on the server. */
export const mapTiles = z.object({
  /** a Leaflet tile URL template with {z}, {x} and {y} */
  url: z.string(),
  attribution: z.string(),
  maxZoom: z.number().int().min(1).max(22),
});
export type MapTiles = z.infer<typeof mapTiles>;
export const clientConfigResponse = z.object({
  /** null: no raster tiles (the map draws its own offline base layer) */
  mapTiles: mapTiles.nullable(),
});
export type ClientConfigResponse = z.infer<typeof clientConfigResponse>;
