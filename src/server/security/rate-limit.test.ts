import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './rate-limit';

describe('token buckets', () => {
  it('lets a burst through, then one request per 1/rate seconds, with an honest Retry-After', () => {
    let t = 0;
    const b = createTokenBuckets({ ratePerSecond: 2, burst: 3 }, { now: () => t });
    expect([1, 2, 3].map(() => b.take('k').ok)).toEqual([true, true, true]);
    const refused = b.take('k');
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    t += 499;
    expect(b.take('k').ok).toBe(false);
    t += 1;
    expect(b.take('k').ok).toBe(true);
    expect(b.take('k').ok).toBe(false);
    // a long pause refills to the burst, never beyond it
    t += 60_000;
    expect([1, 2, 3, 4].map(() => b.take('k').ok)).toEqual([true, true, true, false]);
  });

  it('keeps callers apart', () => {
    let t = 0;
    const b = createTokenBuckets({ ratePerSecond: 1, burst: 1 }, { now: () => t });
    expect(b.take('a').ok).toBe(true);
    expect(b.take('a').ok).toBe(false);
    expect(b.take('b').ok).toBe(true);
    t += 1000;
    expect(b.take('a').ok).toBe(true);
  });

  it('rounds Retry-After up to whole seconds for slow rates (10 a minute)', () => {
    let t = 0;
    const b = createTokenBuckets({ ratePerSecond: 10 / 60, burst: 2 }, { now: () => t });
    b.take('ip');
    b.take('ip');
    const r = b.take('ip');
    expect(r.ok).toBe(false);
    // one token every 6 s
    if (!r.ok) expect(r.retryAfterSeconds).toBe(6);
    t += 5_900;
    expect(b.take('ip').ok).toBe(false);
    t += 100;
    expect(b.take('ip').ok).toBe(true);
  });

  it('holds a bounded number of buckets whatever the number of callers', () => {
    let t = 0;
    const b = createTokenBuckets({ ratePerSecond: 1, burst: 5 }, { now: () => t, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) {
      t += 1;
      b.take(`addr-${i}`);
    }
    expect(b.size).toBeLessThanOrEqual(100);
    // a caller that is being limited is not forgotten while others come and go (it is the most recent)
    const hot = createTokenBuckets({ ratePerSecond: 0.001, burst: 1 }, { now: () => t, maxKeys: 10 });
    expect(hot.take('hot').ok).toBe(true);
    for (let i = 0; i < 5; i++) hot.take(`other-${i}`);
    expect(hot.take('hot').ok).toBe(false);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => createTokenBuckets({ ratePerSecond: 0, burst: 1 })).toThrow();
    expect(() => createTokenBuckets({ ratePerSecond: 1, burst: 0 })).toThrow();
  });
});
