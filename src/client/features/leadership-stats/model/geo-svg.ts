import boundaries from '../../../../shared/data/thua-thien-hue-districts.json';
import { ringCentroid } from '../../../../shared/domain/ring-centroid';

/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

type Ring = number[][];

export interface DistrictShape {
  code: string;
  name: string;
  shortName: string;
  /** polygons, each a list of rings (outer first), as [lng, lat] */
  polygons: Ring[][];
  bbox: BBox;
}

interface RawFeature {
  properties: { code: string; name: string; shortName: string; bbox: number[] };
  geometry: { type: string; coordinates: unknown };
}

/** The 2019 district boundaries shipped with the product (simplified), as plain polygons. */
export const DISTRICT_SHAPES: readonly DistrictShape[] = (boundaries.features as unknown as RawFeature[]).map((f) => {
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
  return { code: f.properties.code, name: f.properties.name, shortName: f.properties.shortName, polygons, bbox: f.properties.bbox as BBox };
});

export const PROVINCE_BBOX: BBox = DISTRICT_SHAPES.reduce<BBox>(
  (b, d) => [Math.min(b[0], d.bbox[0]), Math.min(b[1], d.bbox[1]), Math.max(b[2], d.bbox[2]), Math.max(b[3], d.bbox[3])],
  [Infinity, Infinity, -Infinity, -Infinity],
);

/** Equirectangular projection fitted into a width × height box: at a province's scale the distortion is nil. */
export interface Projection {
  width: number;
  height: number;
  x(lng: number): number;
  y(lat: number): number;
  /** screen pixels per metre (the same in both directions) */
  pxPerMetre: number;
}

const M_PER_DEG = 111_195;

export function fitProjection(bbox: BBox, width: number, height: number, padding = 8): Projection {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-9, (maxLng - minLng) * k);
  const spanY = Math.max(1e-9, maxLat - minLat);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  // centre the shape in the box
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return {
    width,
    height,
    x: (lng) => offX + (lng - minLng) * k * scale,
    y: (lat) => offY + (maxLat - lat) * scale,
    pxPerMetre: scale / M_PER_DEG,
  };
}

/** SVG path data of polygons (even-odd fill keeps holes open). */
export function polygonsPath(polygons: readonly Ring[][], p: Projection): string {
  const out: string[] = [];
  for (const poly of polygons) {
    for (const ring of poly) {
      ring.forEach(([lng = 0, lat = 0], i) => out.push(`${i === 0 ? 'M' : 'L'}${p.x(lng).toFixed(1)},${p.y(lat).toFixed(1)}`));
      out.push('Z');
    }
  }
  return out.join('');
}

/** A bbox around a point, `metres` to each side. */
export function bboxAround(lat: number, lng: number, metres: number): BBox {
  const dLat = metres / M_PER_DEG;
  const dLng = metres / (M_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

/** The bbox of points, grown to at least `minMetres` across so a single point still gets a sensible view. */
export function bboxOf(points: readonly { lat: number; lng: number }[], minMetres: number): BBox | null {
  if (points.length === 0) return null;
  let b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) b = [Math.min(b[0], p.lng), Math.min(b[1], p.lat), Math.max(b[2], p.lng), Math.max(b[3], p.lat)];
  const midLat = (b[1] + b[3]) / 2;
  const midLng = (b[0] + b[2]) / 2;
  const around = bboxAround(midLat, midLng, minMetres / 2);
  return [Math.min(b[0], around[0]), Math.min(b[1], around[1]), Math.max(b[2], around[2]), Math.max(b[3], around[3])];
}

/** Where a district's label goes: the area centroid of its largest polygon's outer ring, as [lng, lat]. */
export function labelPoint(d: DistrictShape): [number, number] {
  let best = { area: -1, x: 0, y: 0 };
  for (const poly of d.polygons) {
    const ring = poly[0];
    if (!ring) continue;
    const c = ringCentroid(ring);
    if (c.area !== 0 && Math.abs(c.area) > best.area) best = { area: Math.abs(c.area), x: c.x, y: c.y };
  }
  return [best.x, best.y];
}
