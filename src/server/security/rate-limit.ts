/** A bucket's rate: `ratePerSecond` tokens come back every second, up to `burst` kept in reserve. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface TokenBuckets {
  /** Takes `cost` tokens from `key`'s bucket, or says how long until they would be there. */
  take(key: string, cost?: number): TakeResult;
  /** buckets currently held (tests, and the eviction bound) */
  readonly size: number;
}

/**
 * In-process token buckets, one per key (an ingest token, a client address). No package and no shared state:
 * the server is one process, and a limit that resets on restart is fine for what these guard against (a
 * runaway ingest loop, password guessing). Memory is bounded: full buckets carry no information and are
 * dropped, and past `maxKeys` the least recently used bucket goes first.
 */
export function createTokenBuckets(limit: RateLimit, opts: { now?: () => number; maxKeys?: number } = {}): TokenBuckets {
  const now = opts.now ?? (() => performance.now());
  const maxKeys = opts.maxKeys ?? 10_000;
  const { ratePerSecond, burst } = limit;
  if (!(ratePerSecond > 0) || !(burst >= 1)) throw new Error(`invalid rate limit: ${ratePerSecond}/s, burst ${burst}`);
  // Map iteration order is insertion order: re-inserting on use keeps the least recently used first
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * ratePerSecond);
    b.at = t;
  };

  const sweep = (t: number) => {
    for (const [k, b] of buckets) {
      refill(b, t);
      if (b.tokens >= burst) buckets.delete(k);
    }
    while (buckets.size >= maxKeys) {
      const oldest = buckets.keys().next();
      if (oldest.done) break;
      buckets.delete(oldest.value);
    }
  };

  return {
    take(key, cost = 1) {
      const t = now();
      let b = buckets.get(key);
      if (b) {
        buckets.delete(key);
        refill(b, t);
      } else {
        if (buckets.size >= maxKeys) sweep(t);
        b = { tokens: burst, at: t };
      }
      buckets.set(key, b);
      if (b.tokens >= cost) {
        b.tokens -= cost;
        return { ok: true, remaining: Math.floor(b.tokens) };
      }
      // whole seconds, at least one: Retry-After takes an integer, and 0 would invite an immediate retry
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - b.tokens) / ratePerSecond)) };
    },
    get size() {
      return buckets.size;
    },
  };
}
