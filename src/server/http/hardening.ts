import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { ServerOptions } from 'socket.io';
import { z } from 'zod';
import { unknownQueryParams } from '../../shared/contract/query-rules';
import { API_CSP, cleanHost, COMMON_HEADERS, isApiPath, spaCsp } from '../security/headers';
import { originVerdict } from '../security/origin';
import { createTokenBuckets, type TokenBuckets } from '../security/rate-limit';
import type { SecurityConfig } from '../security/security-config';
import { HttpError } from './http-error';
import { trackInFlight, type InFlight } from './in-flight';

/** Every body but the ingest batch is a small form (a reminder, a finalisation, a login). */
export const SMALL_BODY_LIMIT = 64 * 1024;
export const INGEST_ROUTE = 'POST /api/v1/events';

/** Route option a route sets to be limited as a login (`config: { rateLimit: 'login' }`); any `…/login` route is anyway. */
export type RateLimitKind = 'ingest' | 'login';

export interface HardeningOptions {
  security: SecurityConfig;
  /** MAP_TILE_URL (the map's optional raster layer) */
  tileUrl: string | null;
}

export interface Hardening {
  inFlight: InFlight;
  /** socket.io options: CORS as the API's, and no handshake from a foreign page */
  socketOptions: Partial<ServerOptions>;
}

const ROUTES = new WeakMap<FastifyInstance, string[]>();

/** `METHOD url` of every route registered on `fastify` after installHardening (HEAD twins included). */
export function registeredRoutes(fastify: FastifyInstance): readonly string[] {
  return ROUTES.get(fastify) ?? [];
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const methodsOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => String(m).toUpperCase());
const toArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function bearerOf(request: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return m?.[1] ?? null;
}

function limiter(buckets: TokenBuckets, keyOf: (r: FastifyRequest) => string, what: string): onRequestHookHandler {
  return (request, reply, done) => {
    const r = buckets.take(keyOf(request));
    if (r.ok) return done();
    void reply.header('retry-after', String(r.retryAfterSeconds));
    done(new HttpError(429, 'rate_limited', `too many ${what}: retry after ${r.retryAfterSeconds} s`));
  };
}

/** A query parameter the route does not define is a 400 naming it (docs/decisions/0006). */
function queryRule(routeKey: string): onRequestHookHandler {
  return (request, _reply, done) => {
    const query = request.query;
    const names = query && typeof query === 'object' ? Object.keys(query) : [];
    const issues = names.length === 0 ? [] : (unknownQueryParams(routeKey, names) ?? []);
    if (issues.length === 0) return done();
    done(new z.ZodError(issues.map((i) => ({ code: 'custom' as const, path: [i.path], message: i.message, input: undefined }))));
  };
}

/**
 * Input hardening, rate limits, CORS and security headers, installed on the app before any route is declared
 * (the onRoute hook must see every route). Route files stay as they are: their handlers parse params, query and
 * body with the contract; this adds what a handler cannot see — unknown query parameters, body size per route,
 * per-caller rates, origins, headers.
 */
export function installHardening(fastify: FastifyInstance, opts: HardeningOptions): Hardening {
  const { security } = opts;
  const ingestBuckets = security.ingestRate ? createTokenBuckets(security.ingestRate) : null;
  const loginBuckets = security.loginRate ? createTokenBuckets(security.loginRate) : null;
  // per token, hashed: the limiter's map never holds a credential
  const tokenKey = (r: FastifyRequest) => createHash('sha256').update(bearerOf(r) ?? '').digest('base64url');

  const routes: string[] = [];
  ROUTES.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    const methods = methodsOf(route);
    const url = route.url;
    for (const m of methods) routes.push(`${m} ${url}`);
    if (route.bodyLimit === undefined && methods.some((m) => WRITE_METHODS.has(m)) && `${methods[0]} ${url}` !== INGEST_ROUTE) {
      route.bodyLimit = SMALL_BODY_LIMIT;
    }
    if (!isApiPath(url)) return;
    const extra: onRequestHookHandler[] = [];
    const kind = (route.config as { rateLimit?: RateLimitKind } | undefined)?.rateLimit;
    if (methods.includes('POST') && `POST ${url}` === INGEST_ROUTE && ingestBuckets) extra.push(limiter(ingestBuckets, tokenKey, 'ingest requests for this token'));
    if ((kind === 'login' || (methods.includes('POST') && /\/login$/.test(url))) && loginBuckets) {
      extra.push(limiter(loginBuckets, (r) => r.ip, 'sign-in attempts from this address'));
    }
    // HEAD routes Fastify adds for each GET follow the GET's rule
    const key = `${methods[0] === 'HEAD' ? 'GET' : methods[0]} ${url}`;
    extra.push(queryRule(key));
    // after the route's own hooks (authentication first: a refused caller learns nothing about validation)
    route.onRequest = [...toArray(route.onRequest), ...extra];
  });

  fastify.addHook('onRequest', (request, reply, done) => {
    const verdict = originVerdict(request.headers, security.corsOrigins);
    if (verdict === 'allowed') {
      void reply.header('access-control-allow-origin', request.headers.origin).header('vary', 'Origin');
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
        void reply
          .header('access-control-allow-methods', 'GET, HEAD, POST')
          .header('access-control-allow-headers', 'authorization, content-type, idempotency-key')
          .header('access-control-max-age', '600')
          .code(204)
          .send();
        return;
      }
    }
    if (verdict === 'foreign' && WRITE_METHODS.has(request.method)) {
      return done(new HttpError(403, 'cross_origin', `requests from ${request.headers.origin ?? 'this origin'} may not change anything (set CORS_ORIGINS to allow an origin)`));
    }
    done();
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const path = request.url.split('?')[0] ?? '/';
    const api = isApiPath(path);
    for (const [name, value] of Object.entries(COMMON_HEADERS)) if (!reply.hasHeader(name)) void reply.header(name, value);
    void reply.header('content-security-policy', api ? API_CSP : spaCsp({ tileUrl: opts.tileUrl, mediaOrigins: security.mediaOrigins }, cleanHost(request.headers.host)));
    // API answers depend on the caller (operators see reporters) and change with every event: never cached
    // unless the route says otherwise (exports)
    if (api && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  const inFlight = trackInFlight(fastify.server);

  const socketOptions: Partial<ServerOptions> = {
    // no cors option = no Access-Control headers on the polling transport (socket.io's default is closed)
    ...(security.corsOrigins.length > 0 ? { cors: { origin: [...security.corsOrigins], methods: ['GET', 'POST'] } } : {}),
    allowRequest: (req, callback) => {
      const verdict = originVerdict(req.headers, security.corsOrigins);
      callback(verdict === 'foreign' ? 'cross-origin live stream refused' : null, verdict !== 'foreign');
    },
  };
  return { inFlight, socketOptions };
}

/** Headers for engine.io's own responses (the polling transport), which never pass through Fastify. */
export function socketHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) headers[name] = value;
}
