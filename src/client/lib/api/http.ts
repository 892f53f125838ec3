import { z } from 'zod';
import { apiError } from '../../../shared/contract/api';
import { ApiRequestError } from './api-error';

export type QueryValue = string | number | boolean | undefined | null | readonly string[];

/** Absolute URL for an API path: relative URLs fail in non-browser fetch implementations (tests). */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const base = typeof location !== 'undefined' ? location.href : 'http://localhost/';
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    url.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return url.toString();
}

let unauthorized: (path: string) => void = () => undefined;

/**
 * Who hears about a 401 (lib/session: the session ended, so the app goes back to the login page). A hook rather
 * than an import so this module stays free of session state.
 */
export function setUnauthorizedHandler(fn: (path: string) => void): void {
  unauthorized = fn;
}

/** For requests made without fetchJson (raw bodies): a 401 means the same everywhere. */
export function reportUnauthorized(path: string): void {
  unauthorized(path);
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Fetches JSON and validates it against the contract schema: a server that drifted from the contract shows
 * up as a clear error here, not as `undefined` deep inside a component.
 */
export async function fetchJson<S extends z.ZodType>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      signal: opts.signal,
      // the session is the httpOnly cookie the browser sends with same-origin requests: no token in the page
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiRequestError('network', err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // handled below: a non-JSON body is either an HTTP error page or a broken response
  }
  if (!res.ok) {
    if (res.status === 401) unauthorized(path);
    const body = apiError.safeParse(json);
    throw new ApiRequestError(
      'http',
      body.success ? body.data.message : `HTTP ${res.status} ${res.statusText}`.trim(),
      res.status,
      body.success ? body.data : null,
      retryAfter(res.headers.get('retry-after')),
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
    throw new ApiRequestError('invalid_response', `${path}: ${where}`, res.status);
  }
  return parsed.data;
}

function retryAfter(header: string | null): number | null {
  const n = header === null ? NaN : Number(header);
  return Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}

/** For endpoints that answer 204 (DELETE /api/v1/session): errors as in fetchJson, no body expected. */
export async function fetchNoContent(path: string, opts: Omit<RequestOptions, 'query'> = {}): Promise<void> {
  await fetchJson(path, z.unknown(), opts);
}
