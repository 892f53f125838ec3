import { z } from 'zod';
import type { RateLimit } from './rate-limit';

/** What the hardening layer reads from the environment (config.ts spreads `securityEnvShape` into its schema). */
export interface SecurityConfig {
  /** POST /api/v1/events, per ingest token; null = unlimited (INGEST_RATE_PER_SECOND=0, for a one-off backfill) */
  ingestRate: RateLimit | null;
  /** the login endpoint (accounts, next pass), per client address */
  loginRate: RateLimit | null;
  /** browser origins allowed to call the API and the live stream cross-origin (CORS); empty = same origin only */
  corsOrigins: string[];
  /** origins report photos/videos are loaded from (the source platform's media host), added to img-src/media-src */
  mediaOrigins: string[];
  /** how long SIGTERM waits for in-flight requests before closing their connections */
  shutdownTimeoutMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (the sign-in limit is per address):
   * false = none (the node is reached directly), a number = that many proxy hops, or proxy addresses/CIDRs.
   */
  trustProxy: false | number | string[];
}

/** A bare origin (`https://host[:port]`, no path): what CORS and CSP compare. */
const origin = z
  .string()
  .trim()
  .transform((v, ctx) => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a URL` });
      return z.NEVER;
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.pathname !== '/' || u.search || u.hash || u.username) {
      ctx.addIssue({ code: 'custom', message: `"${v}" must be an origin like https://host or https://host:8443 (no path)` });
      return z.NEVER;
    }
    return u.origin;
  });

const originList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(origin).max(50));

/** Environment variables of the hardening layer; an empty variable means the default (as in config.ts). */
export const securityEnvShape = {
  INGEST_RATE_PER_SECOND: z.coerce.number().min(0).max(100_000).default(50),
  INGEST_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(200),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().min(0).max(10_000).default(10),
  LOGIN_RATE_BURST: z.coerce.number().int().min(1).max(10_000).default(5),
  CORS_ORIGINS: originList.optional(),
  MEDIA_ORIGINS: originList.optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // behind a reverse proxy (several nodes, docs/deploy/nginx.conf): 1 = one hop, or the proxies' addresses/CIDRs
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((v, ctx): false | number | string[] => {
      if (v === '0' || v === 'false') return false;
      if (/^[0-9]+$/.test(v)) return Number(v);
      const list = v.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = list.find((x) => !/^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(x));
      if (bad !== undefined || list.length === 0) {
        ctx.addIssue({ code: 'custom', message: `must be a number of proxy hops (e.g. 1) or proxy addresses/CIDRs separated by commas${bad ? `; "${bad}" is neither` : ''}` });
        return z.NEVER;
      }
      return list;
    })
    .optional(),
};

const securityEnv = z.object(securityEnvShape);
export type SecurityEnv = z.output<typeof securityEnv>;

export function securityConfigOf(e: SecurityEnv): SecurityConfig {
  return {
    ingestRate: e.INGEST_RATE_PER_SECOND > 0 ? { ratePerSecond: e.INGEST_RATE_PER_SECOND, burst: e.INGEST_RATE_BURST } : null,
    loginRate: e.LOGIN_RATE_PER_MINUTE > 0 ? { ratePerSecond: e.LOGIN_RATE_PER_MINUTE / 60, burst: e.LOGIN_RATE_BURST } : null,
    corsOrigins: e.CORS_ORIGINS ?? [],
    mediaOrigins: e.MEDIA_ORIGINS ?? [],
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY ?? false,
  };
}

/** The defaults, for createApp callers (tests) that pass no security settings. */
export const DEFAULT_SECURITY: SecurityConfig = securityConfigOf(securityEnv.parse({}));
