import type { LatLngBoundsExpression } from 'leaflet';

/** Thừa Thiên Huế's extent (from the district boundaries; checked against the data by a unit test). */
export const PROVINCE_BOUNDS: [[number, number], [number, number]] = [
  [15.99, 107.05],
  [16.75, 108.2],
];

/** How far the view may wander from the province: a little sea and neighbours, not the world. */
export const MAX_BOUNDS: LatLngBoundsExpression = [
  [15.5, 106.5],
  [17.25, 108.75],
];

type Ring = number[][];
type Polygon = Ring[];

/** Signed area and centroid of a ring of [lng, lat] (planar: fine at a province's scale). */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  a /= 2;
  return a === 0 ? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 } : { area: a, x: cx / (6 * a), y: cy / (6 * a) };
}

/** Where a district's label goes: the centroid of its largest polygon's outer ring, as [lat, lng]. */
export function labelPoint(multi: Polygon[]): [number, number] {
  let best = { area: -1, x: 0, y: 0 };
  for (const poly of multi) {
    const outer = poly[0];
    if (!outer) continue;
    const c = ringCentroid(outer);
    if (Math.abs(c.area) > best.area) best = { area: Math.abs(c.area), x: c.x, y: c.y };
  }
  return [best.y, best.x];
}
