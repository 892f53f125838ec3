import { describe, expect, it } from 'vitest';
import { parseWallParams } from './wall-params';

const parse = (q: string, available = ['map', 'feed']) => parseWallParams(new URLSearchParams(q), available);

describe('wall URL parameters', () => {
  it('keeps the views that exist, in URL order, once each, and lists the others', () => {
    expect(parse('views=feed,backlog,map,rankings,feed')).toEqual({ views: ['feed', 'map'], unknown: ['backlog', 'rankings'], rotateMs: 30_000, staleMs: 60_000 });
    expect(parse('views= Map , FEED ')).toMatchObject({ views: ['map', 'feed'], unknown: [] });
  });

  it('rotates every available view when none are named', () => {
    expect(parse('')).toMatchObject({ views: ['map', 'feed'], unknown: [] });
    expect(parse('views=')).toMatchObject({ views: [], unknown: [] });
  });

  it('reads rotate and stale in seconds, clamping out-of-range values and ignoring garbage', () => {
    expect(parse('rotate=12&stale=5')).toMatchObject({ rotateMs: 12_000, staleMs: 5_000 });
    expect(parse('rotate=1')).toMatchObject({ rotateMs: 5_000 });
    expect(parse('rotate=999999&stale=0')).toMatchObject({ rotateMs: 3_600_000, staleMs: 1_000 });
    expect(parse('rotate=abc&stale=soon')).toMatchObject({ rotateMs: 30_000, staleMs: 60_000 });
    expect(parse('rotate=0')).toMatchObject({ rotateMs: 0 });
  });
});
