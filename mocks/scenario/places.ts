import type { Ward } from '../../src/shared/contract/meta';
import type { Rng } from './rng';
import { DISTRICT_STREETS, HUE_LANDMARKS, HUE_WARD_STREETS, VILLAGES } from './streets-vi';
import { HUE_CITY, must } from './world';
import type { World } from './world';

/** Where a report is: a position and an address that agree with the ward the position falls in. */
export interface Place {
  lat: number;
  lng: number;
  wardCode: string;
  districtCode: string;
  /** "Số 12 Lê Lợi, Phường Phú Hội, Thành phố Huế" */
  address: string;
  /** the first part in running text for titles: "số 12 Lê Lợi", "thôn An Lưu, xã Thủy Vân" */
  spot: string;
  /** a street for "đoạn …" titles; the spot when there is no street (villages) */
  road: string;
}

// Huế's inner wards generate more reports (denser, more traffic, more tourists)
const BUSY_HUE_WARDS = new Set([
  'Phú Hội', 'Vĩnh Ninh', 'Phú Nhuận', 'Phú Hòa', 'An Cựu', 'Xuân Phú', 'Vĩ Dạ', 'Phước Vĩnh', 'Trường An',
  'An Đông', 'Tây Lộc', 'Thuận Thành',
]);
/** Share of reports outside Thành phố Huế, split by district (towns report far more than mountain districts). */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  '479': 10, '480': 9, '478': 9, '482': 6, '476': 4, '477': 4, '481': 2, '483': 1,
};
const HUE_SHARE = 0.55;

export function wardBaseName(w: Pick<Ward, 'name' | 'kind'>): string {
  return w.name.startsWith(`${w.kind} `) ? w.name.slice(w.kind.length + 1) : w.name;
}
const lcFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const weightCache = new WeakMap<World, (readonly [Ward, number])[]>();
function wardWeights(world: World): (readonly [Ward, number])[] {
  const hit = weightCache.get(world);
  if (hit) return hit;
  const hue = world.meta.wards.filter((w) => w.districtCode === HUE_CITY);
  const hueRaw = hue.map((w) => [w, BUSY_HUE_WARDS.has(wardBaseName(w)) ? 1.6 : 1] as const);
  const hueTotal = hueRaw.reduce((s, [, x]) => s + x, 0);
  const out: (readonly [Ward, number])[] = hueRaw.map(([w, x]) => [w, (HUE_SHARE * x) / hueTotal] as const);
  const districtTotal = Object.values(DISTRICT_WEIGHTS).reduce((s, x) => s + x, 0);
  for (const [code, dw] of Object.entries(DISTRICT_WEIGHTS)) {
    const ws = world.meta.wards.filter((w) => w.districtCode === code);
    const raw = ws.map((w) => [w, w.kind === 'Xã' ? 1 : 3] as const);
    const total = raw.reduce((s, [, x]) => s + x, 0);
    for (const [w, x] of raw) out.push([w, ((1 - HUE_SHARE) * (dw / districtTotal) * x) / total]);
  }
  weightCache.set(world, out);
  return out;
}

function jitter(rng: Rng, lat: number, lng: number, sdMetres: number, maxMetres: number): [number, number] {
  const clamp = (v: number) => Math.max(-maxMetres, Math.min(maxMetres, v));
  const north = clamp(rng.normal(0, sdMetres));
  const east = clamp(rng.normal(0, sdMetres));
  const dLat = north / 111_320;
  const dLng = east / (111_320 * Math.cos((lat * Math.PI) / 180));
  // 6 decimals ≈ 0.1 m: what a phone's GPS reports, and it keeps the JSON short
  return [Number((lat + dLat).toFixed(6)), Number((lng + dLng).toFixed(6))];
}

/** Writes an address for a point already located in `ward`. */
function describe(rng: Rng, world: World, ward: Ward): Pick<Place, 'address' | 'spot' | 'road'> {
  const district = must(world.districts, ward.districtCode, 'district');
  const base = wardBaseName(ward);
  const tail = `${ward.name}, ${district.name}`;
  const streets = ward.districtCode === HUE_CITY ? HUE_WARD_STREETS[base] : ward.kind === 'Xã' ? undefined : DISTRICT_STREETS[ward.districtCode];
  if (streets && streets.length > 0) {
    const street = rng.pick(streets);
    const landmarks = ward.districtCode === HUE_CITY ? HUE_LANDMARKS[base] : undefined;
    const form = rng.weighted<'number' | 'alley' | 'front' | 'corner' | 'landmark' | 'group'>([
      ['number', 50],
      ['alley', ward.districtCode === HUE_CITY ? 22 : 6],
      ['front', 8],
      ['corner', streets.length > 1 ? 8 : 0],
      ['landmark', landmarks ? 6 : 0],
      ['group', ward.districtCode === HUE_CITY ? 0 : 14],
    ]);
    let spot: string;
    switch (form) {
      case 'number':
        spot = `số ${rng.int(1, 240)} ${street}`;
        break;
      case 'alley':
        spot = `kiệt ${rng.int(1, 120) * 2} ${street}`;
        break;
      case 'front':
        spot = `trước nhà số ${rng.int(1, 240)} ${street}`;
        break;
      case 'corner': {
        const other = rng.pick(streets.filter((s) => s !== street));
        spot = `ngã tư ${street} – ${other}`;
        break;
      }
      case 'landmark':
        spot = rng.pick(landmarks ?? [street]);
        break;
      case 'group':
        spot = `tổ dân phố ${rng.int(1, 12)}, đường ${street}`;
        break;
    }
    const upper = spot.charAt(0).toUpperCase() + spot.slice(1);
    return { address: `${upper}, ${tail}`, spot, road: street };
  }
  const village = rng.pick(VILLAGES);
  const roads = DISTRICT_STREETS[ward.districtCode];
  if (roads && rng.chance(0.25)) {
    const road = rng.pick(roads);
    return { address: `${road}, đoạn qua ${lcFirst(village)}, ${tail}`, spot: `${road} đoạn qua ${lcFirst(village)}, ${lcFirst(ward.name)}`, road };
  }
  const spot = `${lcFirst(village)}, ${lcFirst(ward.name)}`;
  return { address: `${village}, ${tail}`, spot, road: spot };
}

function locateNear(rng: Rng, world: World, lat: number, lng: number, sd: number, max: number) {
  // jitter can leave the province (sea, lagoon edges, the Lao border); try again closer in
  for (let attempt = 0; attempt < 6; attempt++) {
    const [la, ln] = jitter(rng, lat, lng, sd / (attempt + 1), max / (attempt + 1));
    const found = world.area.locate(la, ln);
    if (found.wardCode && found.districtCode) {
      const ward = world.wards.get(found.wardCode);
      if (ward) return { lat: la, lng: ln, ward };
    }
  }
  return null;
}

/** A new place: a weighted ward, a few hundred metres around its point, addressed in the ward it lands in. */
export function samplePlace(rng: Rng, world: World): Place {
  let target = rng.weighted(wardWeights(world));
  for (let attempt = 0; attempt < 20; attempt++) {
    // communes are much larger than city wards, so their reports spread further
    const sd = target.kind === 'Xã' ? 700 : 300;
    const hit = locateNear(rng, world, target.lat, target.lng, sd, sd * 3);
    if (hit) {
      return { lat: hit.lat, lng: hit.lng, wardCode: hit.ward.code, districtCode: hit.ward.districtCode, ...describe(rng, world, hit.ward) };
    }
    target = rng.weighted(wardWeights(world));
  }
  // only reachable if the ward points and the boundaries disagree badly: keep the ward's own point
  return { lat: target.lat, lng: target.lng, wardCode: target.code, districtCode: target.districtCode, ...describe(rng, world, target) };
}

/** The same problem again: within ~50 m of an earlier report, keeping its address when still in the same ward. */
export function nearbyPlace(rng: Rng, world: World, origin: Place): Place {
  const hit = locateNear(rng, world, origin.lat, origin.lng, 18, 45);
  if (!hit) return origin;
  if (hit.ward.code === origin.wardCode) return { ...origin, lat: hit.lat, lng: hit.lng };
  return { lat: hit.lat, lng: hit.lng, wardCode: hit.ward.code, districtCode: hit.ward.districtCode, ...describe(rng, world, hit.ward) };
}
