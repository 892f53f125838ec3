import type { LatLngBoundsExpression } from 'leaflet';
import { ringCentroid } from '../../../../shared/domain/ring-centroid';

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
