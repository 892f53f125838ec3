/**
 * Repeat hotspots: places where reports of the same category keep coming back ("they violate again after
 * the fix"). Pure; the server feeds it rows from an indexed query, the MSW mock feeds it reports.
 *
 * Definition. Two reports are *linked* when they have the same category, lie within `radius` metres of each
 * other (great-circle distance, haversine on a sphere of radius EARTH_RADIUS_M) and were received within
 * `windowMs` of each other. A hotspot is a connected group of linked reports (single linkage) with at least
 * `minCount` members. Single linkage is what a brute-force check can state exactly: membership equals the
 * connected components of the "within radius and window" graph over all pairs. A chain of reports a few
 * metres apart along one street is one hotspot; its `extent` says how far it reaches.
 *
 * Algorithm. Points are bucketed per category into a grid whose cells are at least `radius` tall and wide,
 * so any linked pair lies in the same or an adjacent cell; each point is compared with the points of its own
 * cell and of 4 forward neighbours (each pair once), and linked pairs are merged with union-find (path
 * halving, union by size). Cell size: along a meridian d ≥ R·|Δφ|, so height = radius / R radians; along a
 * parallel d ≥ R·cos(φmax)·|Δλ|·(1 − Δλ²/24), so width = 1.001·radius / (R·cos φmax) radians, φmax being the
 * largest |latitude| among the points (safe for Δλ < 0.15 rad, i.e. any radius up to hundreds of km).
 *
 * Complexity. O(n) to bucket, O(n + P) to link, where P is the number of point pairs in neighbouring cells;
 * for reports spread over a province P ≈ n·k with k the average number of same-category reports in a
 * 3×3-cell neighbourhood (a handful at 50 m). The worst case — every report at one spot — is O(n²); the
 * grid can do no better there, since such a group is one hotspot whose pairs all link. Memory O(n).
 */

export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface HotspotPoint {
  id: number;
  categoryId: string;
  lat: number;
  lng: number;
  /** epoch ms */
  receivedAt: number;
  /** epoch ms, null when not (or no longer) resolved */
  resolvedAt: number | null;
  open: boolean;
}

export interface HotspotOptions {
  radius: number;
  minCount: number;
  windowMs: number;
}

export interface HotspotCluster {
  categoryId: string;
  /** newest first */
  members: HotspotPoint[];
  lat: number;
  lng: number;
  extentMetres: number;
  firstAt: number;
  lastAt: number;
  recurrences: number;
  open: number;
}

export function haversineMetres(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLng = (bLng - aLng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Cell index keys fit a double exactly: rows and columns stay below 2^26 for any radius ≥ 1 m. */
const COLS = 2 ** 27;

function linkGroups(points: readonly HotspotPoint[], opts: HotspotOptions): number[] {
  const n = points.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const size = new Array<number>(n).fill(1);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] as number;
      parent[i] = parent[p] as number;
      i = p;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if ((size[ra] as number) < (size[rb] as number)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] = (size[ra] as number) + (size[rb] as number);
  };
  if (n < 2) return parent;

  let maxAbsLat = 0;
  for (const p of points) maxAbsLat = Math.max(maxAbsLat, Math.abs(p.lat));
  const h = opts.radius / EARTH_RADIUS_M / RAD;
  const w = (1.001 * opts.radius) / (EARTH_RADIUS_M * Math.max(0.01, Math.cos(Math.min(89.9, maxAbsLat) * RAD))) / RAD;
  const cells = new Map<number, number[]>();
  const keyOf = (row: number, col: number) => row * COLS + col;
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  points.forEach((p, i) => {
    const row = Math.floor((p.lat + 90) / h);
    const col = Math.floor((p.lng + 180) / w);
    rows[i] = row;
    cols[i] = col;
    const k = keyOf(row, col);
    const cell = cells.get(k);
    if (cell) cell.push(i);
    else cells.set(k, [i]);
  });
  const linked = (i: number, j: number) => {
    const a = points[i] as HotspotPoint;
    const b = points[j] as HotspotPoint;
    return Math.abs(a.receivedAt - b.receivedAt) <= opts.windowMs && haversineMetres(a.lat, a.lng, b.lat, b.lng) <= opts.radius;
  };
  // the own cell (pairs i < j) and 4 of the 8 neighbours: every adjacent pair of cells is visited once
  const FORWARD: readonly (readonly [number, number])[] = [
    [0, 1],
    [1, -1],
    [1, 0],
    [1, 1],
  ];
  for (const own of cells.values()) {
    for (let x = 0; x < own.length; x++) {
      for (let y = x + 1; y < own.length; y++) if (linked(own[x] as number, own[y] as number)) union(own[x] as number, own[y] as number);
    }
    const first = own[0] as number;
    const row = rows[first] as number;
    const col = cols[first] as number;
    for (const [dr, dc] of FORWARD) {
      const other = cells.get(keyOf(row + dr, col + dc));
      if (!other) continue;
      for (const i of own) for (const j of other) if (linked(i, j)) union(i, j);
    }
  }
  return parent.map((_, i) => find(i));
}

/** Hotspots among `points`, most members first (then most recurrences, most recent, id). */
export function findHotspots(points: readonly HotspotPoint[], opts: HotspotOptions): HotspotCluster[] {
  const byCategory = new Map<string, HotspotPoint[]>();
  for (const p of points) {
    const list = byCategory.get(p.categoryId);
    if (list) list.push(p);
    else byCategory.set(p.categoryId, [p]);
  }
  const clusters: HotspotCluster[] = [];
  for (const [categoryId, list] of byCategory) {
    if (list.length < opts.minCount) continue;
    const roots = linkGroups(list, opts);
    const groups = new Map<number, HotspotPoint[]>();
    roots.forEach((root, i) => {
      const g = groups.get(root);
      if (g) g.push(list[i] as HotspotPoint);
      else groups.set(root, [list[i] as HotspotPoint]);
    });
    for (const members of groups.values()) if (members.length >= opts.minCount) clusters.push(describeCluster(categoryId, members));
  }
  return clusters.sort(
    (a, b) =>
      b.members.length - a.members.length ||
      b.recurrences - a.recurrences ||
      b.lastAt - a.lastAt ||
      minId(a) - minId(b),
  );
}

const minId = (c: HotspotCluster) => Math.min(...c.members.map((m) => m.id));

export const hotspotId = (c: HotspotCluster) => `${c.categoryId}:${minId(c)}`;

function describeCluster(categoryId: string, members: HotspotPoint[]): HotspotCluster {
  members.sort((a, b) => b.receivedAt - a.receivedAt || b.id - a.id);
  let lat = 0;
  let lng = 0;
  for (const m of members) {
    lat += m.lat;
    lng += m.lng;
  }
  lat /= members.length;
  lng /= members.length;
  let extent = 0;
  for (const m of members) extent = Math.max(extent, haversineMetres(lat, lng, m.lat, m.lng));
  // the two earliest fixes: a member counts as a recurrence when another member was resolved before it came in
  let first: HotspotPoint | null = null;
  let second: HotspotPoint | null = null;
  for (const m of members) {
    if (m.resolvedAt === null) continue;
    if (first === null || m.resolvedAt < (first.resolvedAt as number)) {
      second = first;
      first = m;
    } else if (second === null || m.resolvedAt < (second.resolvedAt as number)) second = m;
  }
  let recurrences = 0;
  for (const m of members) {
    const fix = first === m ? second : first;
    if (fix !== null && (fix.resolvedAt as number) < m.receivedAt) recurrences++;
  }
  return {
    categoryId,
    members,
    lat,
    lng,
    extentMetres: extent,
    firstAt: (members.at(-1) as HotspotPoint).receivedAt,
    lastAt: (members[0] as HotspotPoint).receivedAt,
    recurrences,
    open: members.filter((m) => m.open).length,
  };
}
