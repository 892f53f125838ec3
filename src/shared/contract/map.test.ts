import { describe, expect, it } from 'vitest';
import { decodeMapPoints, encodeMapPoints, mapPointsResponse, parseMapPoints } from './map';
import type { MapPoint } from './map';

const now = new Date('2024-03-15T07:00:00.000Z');
const points: MapPoint[] = [
  { id: 7, lat: 16.46371, lng: 107.58682, status: 'assigned', categoryId: 'c1', agencyId: 'a1', districtCode: '474', receivedAt: 1_710_000_000_000, dueAt: 1_710_500_000_999 },
  { id: 3, lat: 16.2, lng: 107.3, status: 'received', categoryId: 'c2', agencyId: null, districtCode: null, receivedAt: 1_710_000_100_000, dueAt: null },
  { id: 12, lat: 16.5, lng: 107.7, status: 'rejected', categoryId: 'c1', agencyId: 'a2', districtCode: '478', receivedAt: 1_710_000_200_000, dueAt: 1_710_600_000_000 },
];

describe('map points columns', () => {
  it('round-trip through encode → JSON → parse → decode (sorted by id, positions to 1e-5)', () => {
    const body = JSON.parse(JSON.stringify(encodeMapPoints(points, { seq: 9, now, period: '7d' }))) as unknown;
    const res = parseMapPoints(body);
    expect(mapPointsResponse.parse(body)).toEqual(res);
    expect(decodeMapPoints(res)).toEqual([...points].sort((a, b) => a.id - b.id));
    expect(res.closedSince).toBe('2024-03-08T07:00:00.000Z');
  });

  it('refuses columns of different lengths, non-integers and indexes outside their lists, as the schema does', () => {
    const good = () => JSON.parse(JSON.stringify(encodeMapPoints(points, { seq: 9, now, period: '7d' }))) as Record<string, number[]>;
    const cases: [string, (b: Record<string, number[]>) => void][] = [
      ['short column', (b) => b.lat?.pop()],
      ['fraction', (b) => ((b.lng as number[])[1] = 1.5)],
      ['string', (b) => ((b.dueAt as unknown[])[0] = '1')],
      ['status index', (b) => ((b.status as number[])[0] = 99)],
      ['category -1', (b) => ((b.category as number[])[0] = -1)],
      ['agency index', (b) => ((b.agency as number[])[2] = 5)],
    ];
    for (const [what, spoil] of cases) {
      const b = good();
      spoil(b);
      expect(() => parseMapPoints(b), what).toThrow();
    }
    expect(() => parseMapPoints({ ...good(), seq: -1 })).toThrow();
  });
});
