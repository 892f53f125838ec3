import { buildAreaIndex } from '../../src/shared/domain/area';
import type { DistrictFeatureCollection } from '../../src/shared/domain/area';

/** The GSO register's shape, as far as placing wards needs it. */
export interface Register {
  districts: { code: string; wards: { code: string; name: string }[] }[];
}

export type WardPoints = Record<string, [lat: number, lng: number]>;

/**
 * Approximate real positions (about ±1 km, from general knowledge of the city's layout, not surveyed) of wards of
 * Thành phố Huế (474), where the centre of a synthetic map would otherwise look wrong to anyone from Huế. Wards not
 * listed (Phú Thuận, Phú Bình) are placed by the generator around them.
 */
export const HUE_ANCHORS: Readonly<Record<string, [number, number]>> = {
  '19750': [16.4793, 107.5676], // Tây Lộc, north-west of the Citadel
  '19753': [16.4768, 107.58], // Thuận Lộc, north-east part of the Citadel
  '19756': [16.479, 107.591], // Phú Hiệp, Gia Hội
  '19759': [16.4835, 107.596], // Phú Hậu, downstream on the north bank
  '19762': [16.466, 107.574], // Thuận Hòa, south-west part of the Citadel
  '19765': [16.4713, 107.5788], // Thuận Thành, the Imperial City
  '19768': [16.4732, 107.5858], // Phú Hòa, Đông Ba market
  '19771': [16.4747, 107.5925], // Phú Cát, Gia Hội
  '19774': [16.4638, 107.5524], // Kim Long, upstream on the north bank
  '19777': [16.4734, 107.6066], // Vĩ Dạ, downstream on the south bank
  '19780': [16.4555, 107.572], // Phường Đúc, south bank west of the railway bridge
  '19783': [16.4617, 107.5857], // Vĩnh Ninh, south bank by Trường Tiền bridge
  '19786': [16.4643, 107.5948], // Phú Hội, south bank
  '19789': [16.459, 107.592], // Phú Nhuận, south of Phú Hội
  '19792': [16.468, 107.604], // Xuân Phú, east on the south bank
  '19795': [16.447, 107.586], // Trường An, south
  '19798': [16.456, 107.583], // Phước Vĩnh, south of Vĩnh Ninh
  '19801': [16.4545, 107.601], // An Cựu, along Hùng Vương
  '19803': [16.488, 107.559], // An Hòa, north-west gate
  '19804': [16.493, 107.568], // Hương Sơ, north
  '19807': [16.444, 107.553], // Thủy Biều, south-west
  '19810': [16.457, 107.542], // Hương Long, by Thiên Mụ pagoda
  '19813': [16.432, 107.569], // Thủy Xuân, the royal tombs' hills
  '19815': [16.461, 107.614], // An Đông, east
  '19816': [16.437, 107.597], // An Tây, south-east hills
};

const SAMPLES_PER_DISTRICT = 3000;
const ITERATIONS = 40;

/** mulberry32: tiny, seedable, good enough to scatter points */
function rngFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function bboxOfFeature(coords: unknown): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    if (typeof v[0] === 'number' && typeof v[1] === 'number') {
      b[0] = Math.min(b[0], v[0]);
      b[1] = Math.min(b[1], v[1]);
      b[2] = Math.max(b[2], v[0]);
      b[3] = Math.max(b[3], v[1]);
    } else v.forEach(walk);
  };
  walk(coords);
  return b;
}

/**
 * Places each district's wards as well-spread points inside the district polygon: uniform random interior
 * points, then k-means (Lloyd) over them with the known anchors held fixed, each free centre finally snapped to
 * the nearest interior sample of its cluster so it is guaranteed to lie inside. Deterministic per district code.
 */
export function generateWardPoints(register: Register, boundaries: DistrictFeatureCollection): WardPoints {
  const index = buildAreaIndex(boundaries, []);
  const inside = (code: string, lat: number, lng: number) => index.locate(lat, lng).districtCode === code;
  const out: WardPoints = {};

  for (const district of register.districts) {
    const feature = boundaries.features.find((f) => f.properties.code === district.code);
    if (!feature) throw new Error(`no boundary for district ${district.code}`);
    const [minLng, minLat, maxLng, maxLat] = bboxOfFeature(feature.geometry.coordinates);
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const rand = rngFrom(Number(district.code) * 7919);

    // samples in a locally isotropic plane: x = lng·cos(lat), y = lat
    const xs: number[] = [];
    const ys: number[] = [];
    while (xs.length < SAMPLES_PER_DISTRICT) {
      const lat = minLat + rand() * (maxLat - minLat);
      const lng = minLng + rand() * (maxLng - minLng);
      if (inside(district.code, lat, lng)) {
        xs.push(lng * k);
        ys.push(lat);
      }
    }

    const anchored = district.wards.filter((w) => HUE_ANCHORS[w.code]);
    const free = district.wards.filter((w) => !HUE_ANCHORS[w.code]);
    const cx: number[] = [];
    const cy: number[] = [];
    for (const w of anchored) {
      const [lat, lng] = HUE_ANCHORS[w.code] as [number, number];
      if (!inside(district.code, lat, lng)) throw new Error(`anchor for ward ${w.code} lies outside district ${district.code}`);
      cx.push(lng * k);
      cy.push(lat);
    }
    const fixed = cx.length;

    const nearest = (x: number, y: number): [number, number] => {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < cx.length; c++) {
        const d = ((cx[c] as number) - x) ** 2 + ((cy[c] as number) - y) ** 2;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      return [best, bestD];
    };

    // k-means++ seeding: each new centre drawn with probability proportional to squared distance
    for (let n = 0; n < free.length; n++) {
      const d2 = xs.map((x, i) => (cx.length === 0 ? 1 : nearest(x, ys[i] as number)[1]));
      const total = d2.reduce((a, b) => a + b, 0);
      let r = rand() * total;
      let pick = d2.length - 1;
      for (let i = 0; i < d2.length; i++) {
        r -= d2[i] as number;
        if (r <= 0) {
          pick = i;
          break;
        }
      }
      cx.push(xs[pick] as number);
      cy.push(ys[pick] as number);
    }

    const assign = new Int32Array(xs.length);
    for (let iter = 0; iter < ITERATIONS; iter++) {
      const sx = new Float64Array(cx.length);
      const sy = new Float64Array(cx.length);
      const count = new Int32Array(cx.length);
      for (let i = 0; i < xs.length; i++) {
        const [c] = nearest(xs[i] as number, ys[i] as number);
        assign[i] = c;
        sx[c] = (sx[c] as number) + (xs[i] as number);
        sy[c] = (sy[c] as number) + (ys[i] as number);
        count[c] = (count[c] as number) + 1;
      }
      for (let c = fixed; c < cx.length; c++) {
        const n = count[c] as number;
        if (n > 0) {
          cx[c] = (sx[c] as number) / n;
          cy[c] = (sy[c] as number) / n;
        }
      }
    }

    for (let n = 0; n < anchored.length; n++) {
      const w = anchored[n] as { code: string };
      out[w.code] = HUE_ANCHORS[w.code] as [number, number];
    }
    // snap free centres to the closest sample of their own cluster whose rounded position is still inside
    for (let n = 0; n < free.length; n++) {
      const c = fixed + n;
      const candidates: [number, number][] = [];
      for (let i = 0; i < xs.length; i++) {
        if (assign[i] === c) candidates.push([i, ((xs[i] as number) - (cx[c] as number)) ** 2 + ((ys[i] as number) - (cy[c] as number)) ** 2]);
      }
      if (candidates.length === 0) for (let i = 0; i < xs.length; i++) candidates.push([i, ((xs[i] as number) - (cx[c] as number)) ** 2 + ((ys[i] as number) - (cy[c] as number)) ** 2]);
      candidates.sort((a, b) => a[1] - b[1]);
      const hit = candidates
        .map(([i]) => [round5(ys[i] as number), round5((xs[i] as number) / k)] as [number, number])
        .find(([lat, lng]) => inside(district.code, lat, lng));
      if (!hit) throw new Error(`could not place ward ${(free[n] as { code: string }).code} inside district ${district.code}`);
      out[(free[n] as { code: string }).code] = hit;
    }
  }
  return out;
}

/** One ward a line, so a regenerated file diffs readably. */
export function formatWardPoints(points: WardPoints): string {
  const lines = Object.keys(points)
    .sort()
    .map((code) => {
      const [lat, lng] = points[code] as [number, number];
      return `  "${code}": [${lat.toFixed(5)}, ${lng.toFixed(5)}]`;
    });
  return `{\n${lines.join(',\n')}\n}\n`;
}
