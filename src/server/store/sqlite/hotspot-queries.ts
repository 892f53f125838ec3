import type Database from 'better-sqlite3';
import { openStatuses } from '../../../shared/contract/common';
import type { Hotspot, HotspotsQuery, HotspotsResponse } from '../../../shared/contract/hotspots';
import { MAX_HOTSPOT_IDS } from '../../../shared/contract/hotspots';
import { findHotspots, hotspotId, type HotspotPoint } from '../../../shared/domain/hotspots';
import { filterToSql } from '../list-query';

type Db = Database.Database;
const DAY_MS = 86_400_000;
const OPEN: readonly string[] = openStatuses;

interface PointRow {
  id: number;
  category_id: string;
  lat: number;
  lng: number;
  received_at: number;
  resolved_at: number | null;
  status: string;
}

/**
 * Repeat hotspots: the period's non-rejected reports (an index range on received_at, narrowed by the filters)
 * are read as small rows — id, category, position, two instants, status, all from one covering index — and clustered by
 * shared/domain/hotspots; only the listed hotspots' newest members are read in full, for their address.
 */
export function hotspots(db: Db, query: HotspotsQuery, now: Date): HotspotsResponse {
  return db.transaction((): HotspotsResponse => {
    const f = filterToSql(
      { agencyId: query.agencyId, categoryId: query.categoryId, districtCode: query.districtCode, wardCode: query.wardCode, q: query.q },
      now,
    );
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const rows = db
      .prepare(
        // the covering index of migration 4 holds every column read here; ORDER BY id would make the planner
        // walk the whole table in id order instead, so the rows are put in id order below
        `SELECT id, category_id, lat, lng, received_at, resolved_at, status FROM reports INDEXED BY reports_stats_received
         WHERE ${f.where} AND received_at >= ? AND received_at < ? AND status <> 'rejected'`,
      )
      .all(...f.params, from, to) as PointRow[];
    // id order, like the memory store's: the centroid sums then add up in the same order on both
    rows.sort((a, b) => a.id - b.id);
    const points: HotspotPoint[] = rows.map((r) => ({
      id: r.id,
      categoryId: r.category_id,
      lat: r.lat,
      lng: r.lng,
      receivedAt: r.received_at,
      resolvedAt: r.resolved_at,
      open: OPEN.includes(r.status),
    }));
    const clusters = findHotspots(points, { radius: query.radius, minCount: query.minCount, windowMs: query.windowDays * DAY_MS });
    const place = db.prepare(`SELECT json_extract(doc, '$.address') AS address, ward_code, district_code FROM reports WHERE id = ?`);
    const items: Hotspot[] = clusters.slice(0, query.limit).map((c) => {
      const newest = c.members[0] as HotspotPoint;
      const p = place.get(newest.id) as { address: string; ward_code: string | null; district_code: string | null };
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
        address: p.address,
        wardCode: p.ward_code,
        districtCode: p.district_code,
        reportIds: c.members.slice(0, MAX_HOTSPOT_IDS).map((m) => m.id),
      };
    });
    return {
      seq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get() as number,
      asOf: now.toISOString(),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      radius: query.radius,
      minCount: query.minCount,
      windowDays: query.windowDays,
      scanned: points.length,
      total: clusters.length,
      items,
    };
  })();
}
