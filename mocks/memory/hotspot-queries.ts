import { openStatuses } from '../../src/shared/contract/common';
import type { HotspotsQuery, HotspotsResponse } from '../../src/shared/contract/hotspots';
import { MAX_HOTSPOT_IDS } from '../../src/shared/contract/hotspots';
import type { Report } from '../../src/shared/contract/report';
import { matchesFilter } from '../../src/shared/domain/filter';
import { findHotspots, hotspotId, type HotspotPoint } from '../../src/shared/domain/hotspots';

const DAY_MS = 86_400_000;

/** Repeat hotspots over the memory store's reports, with the server's semantics (shared/domain/hotspots). */
export function hotspots(reports: Iterable<Report>, seq: number, query: HotspotsQuery, now: Date): HotspotsResponse {
  const filter = { agencyId: query.agencyId, categoryId: query.categoryId, districtCode: query.districtCode, wardCode: query.wardCode, q: query.q, from: query.from, to: query.to };
  const byId = new Map<number, Report>();
  const points: HotspotPoint[] = [];
  for (const r of reports) {
    if (r.status === 'rejected' || !matchesFilter(r, filter, now)) continue;
    byId.set(r.id, r);
    points.push({
      id: r.id,
      categoryId: r.categoryId,
      lat: r.lat,
      lng: r.lng,
      receivedAt: Date.parse(r.receivedAt),
      resolvedAt: r.resolvedAt === null ? null : Date.parse(r.resolvedAt),
      open: openStatuses.includes(r.status),
    });
  }
  const clusters = findHotspots(points, { radius: query.radius, minCount: query.minCount, windowMs: query.windowDays * DAY_MS });
  return {
    seq,
    asOf: now.toISOString(),
    from: new Date(Date.parse(query.from)).toISOString(),
    to: new Date(Date.parse(query.to)).toISOString(),
    radius: query.radius,
    minCount: query.minCount,
    windowDays: query.windowDays,
    scanned: points.length,
    total: clusters.length,
    items: clusters.slice(0, query.limit).map((c) => {
      const newest = byId.get((c.members[0] as HotspotPoint).id) as Report;
      return {
        id: hotspotId(c),
        categoryId: c.categoryId,
        lat: c.lat,
        lng: c.lng,
        extentMetres: c.extentMetres,
        count: c.members.length,
        firstAt: new Date(c.firstAt).toISOString(),
        lastAt: new Date(c.lastAt).toISOString(),
        recurrences: c.recurrences,
        open: c.open,
        address: newest.address,
        wardCode: newest.wardCode,
        districtCode: newest.districtCode,
        reportIds: c.members.slice(0, MAX_HOTSPOT_IDS).map((m) => m.id),
      };
    }),
  };
}
