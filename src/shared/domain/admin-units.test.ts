import { describe, expect, it } from 'vitest';
import { district, ward } from '../contract/meta';
import { districtBoundaries, districts, wards } from './admin-units';

describe('admin units (GSO 2019)', () => {
  it('has the 9 district-level units with short names from the boundaries', () => {
    const ds = districts();
    expect(ds.map((d) => d.code)).toEqual(['474', '476', '477', '478', '479', '480', '481', '482', '483']);
    expect(ds[0]).toEqual({ code: '474', name: 'Thành phố Huế', shortName: 'Huế', kind: 'Thành phố' });
    for (const d of ds) expect(district.safeParse(d).success).toBe(true);
  });
  it('has the 152 communes/wards, each with a point and a known district', () => {
    const ws = wards();
    expect(ws).toHaveLength(152);
    expect(new Set(ws.map((w) => w.code)).size).toBe(152);
    const codes = new Set(districts().map((d) => d.code));
    for (const w of ws) {
      expect(ward.safeParse(w).success, w.code).toBe(true);
      expect(codes.has(w.districtCode)).toBe(true);
      expect(w.lat).toBeGreaterThan(15.9);
      expect(w.lat).toBeLessThan(16.8);
      expect(w.lng).toBeGreaterThan(107);
      expect(w.lng).toBeLessThan(108.3);
    }
    expect(ws.filter((w) => w.districtCode === '474')).toHaveLength(27);
  });
  it('spreads the wards of a district apart (no two within 300 m)', () => {
    const ws = wards();
    for (const a of ws) {
      for (const b of ws) {
        if (a.code >= b.code || a.districtCode !== b.districtCode) continue;
        const dy = (a.lat - b.lat) * 111_195;
        const dx = (a.lng - b.lng) * 111_195 * Math.cos((a.lat * Math.PI) / 180);
        expect(Math.hypot(dx, dy), `${a.code}–${b.code}`).toBeGreaterThan(300);
      }
    }
  });
  it('returns copies, so a caller cannot corrupt the shared lists', () => {
    const first = wards();
    first[0]!.lat = 0;
    expect(wards()[0]!.lat).not.toBe(0);
  });
  it('gives a boundary for every district', () => {
    const codes = districtBoundaries().features.map((f) => f.properties.code).sort();
    expect(codes).toEqual(districts().map((d) => d.code));
  });
});
