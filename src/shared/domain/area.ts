import type { Ward } from '../contract/meta';

export interface AreaIndex {
  /** district by point-in-polygon on the district boundaries; ward = nearest ward point in that district */
  locate(lat: number, lng: number): { districtCode: string | null; wardCode: string | null };
}
export interface DistrictFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown } }[];
}

type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

interface Polygon {
  bbox: BBox;
  /** outer ring first, then holes; each ring flat [lng0, lat0, lng1, lat1, …] */
  rings: Float64Array[];
}

interface District {
  code: string;
  bbox: BBox;
  polygons: Polygon[];
  /** ward points, flat [lat0, lng0, …], with their codes */
  wardPoints: Float64Array;
  wardCodes: string[];
}

function fail(code: string, what: string): never {
  throw new Error(`district ${code}: ${what}`);
}

function ringOf(code: string, raw: unknown): Float64Array {
  if (!Array.isArray(raw) || raw.length < 4) fail(code, 'a ring needs at least 4 positions');
  const flat = new Float64Array(raw.length * 2);
  raw.forEach((pos: unknown, i) => {
    if (!Array.isArray(pos) || typeof pos[0] !== 'number' || typeof pos[1] !== 'number') fail(code, 'a position must be [lng, lat]');
    flat[2 * i] = pos[0];
    flat[2 * i + 1] = pos[1];
  });
  return flat;
}

function bboxOf(ring: Float64Array): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i] as number;
    const y = ring[i + 1] as number;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

function polygonOf(code: string, raw: unknown): Polygon {
  if (!Array.isArray(raw) || raw.length === 0) fail(code, 'a polygon needs an outer ring');
  const rings = raw.map((r) => ringOf(code, r));
  return { bbox: bboxOf(rings[0] as Float64Array), rings };
}

function union(boxes: BBox[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of boxes) {
    b[0] = Math.min(b[0], x[0]);
    b[1] = Math.min(b[1], x[1]);
    b[2] = Math.max(b[2], x[2]);
    b[3] = Math.max(b[3], x[3]);
  }
  return b;
}

const inBox = (b: BBox, lng: number, lat: number) => lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];

/** Even-odd ray casting towards +lng. */
function inRing(ring: Float64Array, lng: number, lat: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i] as number;
    const yi = ring[i + 1] as number;
    const xj = ring[j] as number;
    const yj = ring[j + 1] as number;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(p: Polygon, lng: number, lat: number): boolean {
  if (!inBox(p.bbox, lng, lat) || !inRing(p.rings[0] as Float64Array, lng, lat)) return false;
  for (let h = 1; h < p.rings.length; h++) if (inRing(p.rings[h] as Float64Array, lng, lat)) return false;
  return true;
}

const DEG = Math.PI / 180;

function nearestWard(d: District, lat: number, lng: number): string | null {
  // equirectangular: at district scale (tens of km) the error against great-circle distance is negligible
  const k = Math.cos(lat * DEG);
  let best = -1;
  let bestD = Infinity;
  const pts = d.wardPoints;
  for (let i = 0; i < pts.length; i += 2) {
    const dy = (pts[i] as number) - lat;
    const dx = ((pts[i + 1] as number) - lng) * k;
    const dist = dx * dx + dy * dy;
    if (dist < bestD) {
      bestD = dist;
      best = i >> 1;
    }
  }
  return best < 0 ? null : (d.wardCodes[best] as string);
}

export function buildAreaIndex(districts: DistrictFeatureCollection, wards: readonly Ward[]): AreaIndex {
  const byDistrict = new Map<string, Ward[]>();
  for (const w of wards) {
    const list = byDistrict.get(w.districtCode);
    if (list) list.push(w);
    else byDistrict.set(w.districtCode, [w]);
  }
  const index: District[] = districts.features.map((f) => {
    const code = f.properties.code;
    const c = f.geometry.coordinates;
    let polygons: Polygon[];
    if (f.geometry.type === 'Polygon') polygons = [polygonOf(code, c)];
    else if (Array.isArray(c)) polygons = c.map((p) => polygonOf(code, p));
    else fail(code, 'MultiPolygon coordinates must be an array');
    const own = byDistrict.get(code) ?? [];
    const wardPoints = new Float64Array(own.length * 2);
    own.forEach((w, i) => {
      wardPoints[2 * i] = w.lat;
      wardPoints[2 * i + 1] = w.lng;
    });
    return { code, bbox: union(polygons.map((p) => p.bbox)), polygons, wardPoints, wardCodes: own.map((w) => w.code) };
  });

  return {
    locate(lat, lng) {
      if (Number.isFinite(lat) && Number.isFinite(lng)) {
        for (const d of index) {
          if (!inBox(d.bbox, lng, lat)) continue;
          for (const p of d.polygons) {
            if (inPolygon(p, lng, lat)) return { districtCode: d.code, wardCode: nearestWard(d, lat, lng) };
          }
        }
      }
      return { districtCode: null, wardCode: null };
    },
  };
}
