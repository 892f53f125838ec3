import { describe, expect, it } from 'vitest';
import type { Ward } from '../contract/meta';
import { districtBoundaries, wards } from './admin-units';
import { buildAreaIndex } from './area';
import type { DistrictFeatureCollection } from './area';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const ward = (code: string, districtCode: string, lat: number, lng: number): Ward => ({ code, name: code, kind: 'Xã', districtCode, lat, lng });

// 'A': a 10×10 square with a 2×2 hole in the middle; 'B': two separate squares; 'C': no wards
const synthetic: DistrictFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'A', name: 'A' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] } },
    { type: 'Feature', properties: { code: 'B', name: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [[square(20, 0, 22, 2)], [square(30, 0, 32, 2)]] } },
    { type: 'Feature', properties: { code: 'C', name: 'C' }, geometry: { type: 'Polygon', coordinates: [square(40, 0, 42, 2)] } },
  ],
};
// b0 belongs to B but sits just outside A's east edge
const syntheticWards = [ward('a1', 'A', 1, 1), ward('a2', 'A', 9, 9), ward('b0', 'B', 1, 10.2), ward('b1', 'B', 1, 21), ward('b2', 'B', 1, 31)];

describe('buildAreaIndex (synthetic shapes)', () => {
  const index = buildAreaIndex(synthetic, syntheticWards);
  it('finds the district by point in polygon, honouring holes', () => {
    expect(index.locate(2, 2).districtCode).toBe('A');
    expect(index.locate(5, 5)).toEqual({ districtCode: null, wardCode: null }); // in the hole
    expect(index.locate(3.9, 5).districtCode).toBe('A');
  });
  it('finds every part of a MultiPolygon', () => {
    expect(index.locate(1, 21)).toEqual({ districtCode: 'B', wardCode: 'b1' });
    expect(index.locate(1, 31.5)).toEqual({ districtCode: 'B', wardCode: 'b2' });
    expect(index.locate(1, 25).districtCode).toBeNull(); // between the parts
  });
  it('takes the nearest ward point of the district only', () => {
    expect(index.locate(2, 3).wardCode).toBe('a1');
    expect(index.locate(8, 7).wardCode).toBe('a2');
    // b0 is by far the nearest ward point, but the point lies in A
    expect(index.locate(1, 9.9).wardCode).toBe('a2');
  });
  it('gives a district without ward points and no ward', () => {
    expect(index.locate(1, 41)).toEqual({ districtCode: 'C', wardCode: null });
  });
  it('answers nulls outside every district and for non-numbers', () => {
    expect(index.locate(50, 50)).toEqual({ districtCode: null, wardCode: null });
    expect(index.locate(Number.NaN, 1)).toEqual({ districtCode: null, wardCode: null });
  });
  it('refuses malformed geometry at build time', () => {
    const bad: DistrictFeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'X', name: 'X' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] } }],
    };
    expect(() => buildAreaIndex(bad, [])).toThrow(/district X/);
  });
});

describe('buildAreaIndex (Thừa Thiên Huế)', () => {
  const all = wards();
  const index = buildAreaIndex(districtBoundaries(), all);
  const codesOf474 = new Set(all.filter((w) => w.districtCode === '474').map((w) => w.code));

  it('puts central Huế in Thành phố Huế (474), in one of its wards', () => {
    const hit = index.locate(16.4637, 107.5909);
    expect(hit.districtCode).toBe('474');
    expect(codesOf474.has(hit.wardCode ?? '')).toBe(true);
  });
  it('puts the Imperial City in Thuận Thành and Phú Hội on the south bank', () => {
    expect(index.locate(16.4698, 107.5786).wardCode).toBe('19765');
    expect(index.locate(16.4645, 107.595).wardCode).toBe('19786');
  });
  it('finds no district in the sea or far away', () => {
    expect(index.locate(16.6, 107.9)).toEqual({ districtCode: null, wardCode: null }); // East Sea off Thuận An
    expect(index.locate(21.0285, 105.8542)).toEqual({ districtCode: null, wardCode: null }); // Hà Nội
  });
  it('locates every ward point to its own district and ward', () => {
    for (const w of all) expect(index.locate(w.lat, w.lng), w.code).toEqual({ districtCode: w.districtCode, wardCode: w.code });
  });
  it('places towns of other districts in them', () => {
    expect(index.locate(16.2137, 107.9934).districtCode).toBe('482'); // near Phú Lộc towns along QL1A
    expect(index.locate(16.2206, 107.2904).districtCode).toBe('481'); // A Lưới town
  });
});
