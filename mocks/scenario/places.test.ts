import { describe, expect, it } from 'vitest';
import { nearbyPlace, samplePlace } from './places';
import { createRng } from './rng';
import { candidatesFor, routeReport, transferTarget } from './routing';
import { HUE_CITY, scenarioWorld } from './world';

const world = scenarioWorld();
const distanceM = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const dy = (a.lat - b.lat) * 111_320;
  const dx = (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dx, dy);
};

describe('places', () => {
  const rng = createRng(3, 'places');
  const places = Array.from({ length: 2000 }, () => samplePlace(rng, world));

  it('addresses each report in the ward its position falls in', () => {
    for (const p of places) {
      expect(world.area.locate(p.lat, p.lng)).toEqual({ wardCode: p.wardCode, districtCode: p.districtCode });
      const ward = world.wards.get(p.wardCode);
      const district = world.districts.get(p.districtCode);
      expect(p.address.endsWith(`${ward?.name}, ${district?.name}`)).toBe(true);
    }
  });

  it('puts about 55% of reports in Thành phố Huế and some in every district', () => {
    const hue = places.filter((p) => p.districtCode === HUE_CITY).length / places.length;
    expect(hue).toBeGreaterThan(0.5);
    expect(hue).toBeLessThan(0.62);
    expect(new Set(places.map((p) => p.districtCode)).size).toBe(9);
  });

  it('places a repeat within about 50 m of the original', () => {
    for (const p of places.slice(0, 300)) {
      const q = nearbyPlace(rng, world, p);
      expect(distanceM(p, q)).toBeLessThan(70);
      expect(world.area.locate(q.lat, q.lng).wardCode).toBe(q.wardCode);
    }
  });
});

describe('routing', () => {
  const rng = createRng(4, 'routing');
  const where = { wardCode: [...world.communePcOfWard.keys()][0] as string, districtCode: HUE_CITY };

  it('forwards each category to plausible units that exist', () => {
    for (const c of world.meta.categories) {
      const candidates = candidatesFor(world, c.id, where);
      expect(candidates.length, c.id).toBeGreaterThan(0);
      for (const [a] of candidates) expect(world.agencies.get(a.id)).toBe(a);
    }
    const kinds = (categoryId: string) => new Set(candidatesFor(world, categoryId, where).map(([a]) => a.kind));
    expect(kinds('vien-thong').has('central_agency')).toBe(true);
    expect(candidatesFor(world, 'cap-nuoc', where).map(([a]) => a.id)).toContain('huewaco');
    expect(candidatesFor(world, 've-sinh-moi-truong', where).map(([a]) => a.id)).toContain('hepco');
  });

  it('sends a ward without its own committee to the district committee', () => {
    const ward = world.meta.wards.find((w) => !world.communePcOfWard.has(w.code) && w.districtCode === '481');
    expect(ward).toBeDefined();
    const ids = candidatesFor(world, 'lan-chiem-via-he', { wardCode: ward?.code ?? '', districtCode: '481' }).map(([a]) => a.id);
    expect(ids).toEqual(['ubnd-h-a-luoi']);
  });

  it('transfers to a different unit', () => {
    for (let i = 0; i < 200; i++) {
      const c = rng.pick(world.meta.categories).id;
      const { lead, coordinating } = routeReport(rng, world, c, where);
      expect(coordinating.map((a) => a.id)).not.toContain(lead.id);
      expect(transferTarget(rng, world, c, where, lead.id).id).not.toBe(lead.id);
    }
  });
});
