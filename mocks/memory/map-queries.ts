import type { ReportFilter } from '../../src/shared/contract/api';
import { openStatuses } from '../../src/shared/contract/common';
import type { StoredEvent } from '../../src/shared/contract/event';
import { closedSince, encodeMapPoints, isInMapScope, mapPointOf } from '../../src/shared/contract/map';
import type { DistrictStatsResponse, MapPointsQuery, MapPointsResponse } from '../../src/shared/contract/map';
import type { Report } from '../../src/shared/contract/report';
import { matchesFilter } from '../../src/shared/domain/filter';
import { isOverdue } from '../../src/shared/domain/timeliness';

/** When each report was rejected: the log's `rejected` events (a rejection is final). */
export function rejectionTimes(log: readonly StoredEvent[]): Map<number, number> {
  const at = new Map<number, number>();
  for (const e of log) if (e.type === 'rejected') at.set(e.reportId, Date.parse(e.at));
  return at;
}

/** The live map's points over the memory store, with the server's semantics (matchesFilter + map scope). */
export function mapPoints(reports: Iterable<Report>, log: readonly StoredEvent[], query: MapPointsQuery, now: Date): MapPointsResponse {
  const { period, ...filter } = query;
  const since = closedSince(period, now);
  const rejected = rejectionTimes(log);
  const points = [];
  for (const r of reports) {
    if (isInMapScope(r, rejected.get(r.id) ?? null, since) && matchesFilter(r, filter, now)) points.push(mapPointOf(r));
  }
  return encodeMapPoints(points, { seq: log.length, now, period });
}

/** Open and overdue reports per district matching the filter; the reference districts first, zeros included. */
export function districtStats(reports: Iterable<Report>, districtCodes: readonly string[], seq: number, filter: ReportFilter, now: Date): DistrictStatsResponse {
  const counts = new Map<string | null, { open: number; overdue: number }>(districtCodes.map((c) => [c, { open: 0, overdue: 0 }]));
  for (const r of reports) {
    if (!openStatuses.includes(r.status) || !matchesFilter(r, filter, now)) continue;
    let c = counts.get(r.districtCode);
    if (!c) {
      c = { open: 0, overdue: 0 };
      counts.set(r.districtCode, c);
    }
    c.open += 1;
    if (isOverdue(r, now)) c.overdue += 1;
  }
  return { seq, asOf: now.toISOString(), districts: [...counts].map(([code, c]) => ({ code, ...c })) };
}
