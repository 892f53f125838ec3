import { describe, expect, it } from 'vitest';
import register from '../../src/shared/data/admin-units-2019.json';
import boundaries from '../../src/shared/data/thua-thien-hue-districts.json';
import shipped from '../../src/shared/data/ward-points.json';
import { buildAreaIndex } from '../../src/shared/domain/area';
import type { DistrictFeatureCollection } from '../../src/shared/domain/area';
import { formatWardPoints, generateWardPoints, HUE_ANCHORS } from './ward-points';

const fcoll = boundaries as DistrictFeatureCollection;

describe('generateWardPoints', () => {
  const points = generateWardPoints(register, fcoll);

  it('is deterministic and matches the shipped ward-points.json', () => {
    expect(JSON.parse(formatWardPoints(points))).toEqual(shipped);
    expect(generateWardPoints(register, fcoll)).toEqual(points);
  });
  it('places every ward of the register inside its own district polygon', () => {
    const index = buildAreaIndex(fcoll, []);
    let n = 0;
    for (const d of register.districts) {
      for (const w of d.wards) {
        const p = points[w.code];
        expect(p, w.code).toBeDefined();
        expect(index.locate(p![0], p![1]).districtCode, w.code).toBe(d.code);
        n++;
      }
    }
    expect(Object.keys(points)).toHaveLength(n);
  });
  it('keeps the known Huế positions', () => {
    for (const [code, p] of Object.entries(HUE_ANCHORS)) expect(points[code]).toEqual(p);
  });
  it('writes 5 decimals, one ward a line', () => {
    const text = formatWardPoints({ '2': [16.1, 107.123456], '1': [16, 107] });
    expect(text).toBe('{\n  "1": [16.00000, 107.00000],\n  "2": [16.10000, 107.12346]\n}\n');
  });
});
