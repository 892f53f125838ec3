/**
 * Signed area and area centroid of a polygon ring of [x, y] points (planar: fine at a province's scale, with
 * x = longitude, y = latitude). A ring with no area has area 0 and its first point as centroid.
 */
export function ringCentroid(ring: readonly (readonly number[])[]): { area: number; x: number; y: number } {
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
