import { describe, expect, it } from 'vitest';
import { ringCentroid } from './ring-centroid';

describe('ringCentroid', () => {
  it('gives the area and centre of mass of simple shapes worked by hand', () => {
    // a 2×2 square counter-clockwise: area +4, centre (1, 1)
    expect(ringCentroid([[0, 0], [2, 0], [2, 2], [0, 2]])).toEqual({ area: 4, x: 1, y: 1 });
    // the same clockwise: the sign flips, the centre does not
    expect(ringCentroid([[0, 2], [2, 2], [2, 0], [0, 0]])).toEqual({ area: -4, x: 1, y: 1 });
    // a right triangle (0,0) (3,0) (0,3): area 4.5, centroid at the mean of the vertices (1, 1)
    const t = ringCentroid([[0, 0], [3, 0], [0, 3]]);
    expect(t.area).toBe(4.5);
    expect(t.x).toBeCloseTo(1, 12);
    expect(t.y).toBeCloseTo(1, 12);
  });

  it('falls back to the first point for a ring without area', () => {
    expect(ringCentroid([[5, 7], [6, 8], [7, 9]])).toEqual({ area: 0, x: 5, y: 7 });
    expect(ringCentroid([])).toEqual({ area: 0, x: 0, y: 0 });
  });
});
