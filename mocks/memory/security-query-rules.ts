import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { ZodError } from 'zod';
import { QUERY_RULES, unknownQueryParams } from '../../src/shared/contract/query-rules';
import { zodToApiError } from '../api-errors';

interface Pattern {
  key: string;
  method: string;
  re: RegExp;
  params: number;
}

// static segments win over parameters, as in Fastify's router (/reports/due-soon before /reports/:id)
const PATTERNS: Pattern[] = Object.keys(QUERY_RULES)
  .map((key) => {
    const [method = 'GET', url = '/'] = key.split(' ');
    const source = url
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { key, method, re: new RegExp(`^${source}$`), params: (url.match(/:/g) ?? []).length };
  })
  .sort((a, b) => a.params - b.params);

/** The API route key (`GET /api/v1/reports/:id`) a request path belongs to, if the table knows it. */
export function routeKeyOf(method: string, pathname: string): string | null {
  return PATTERNS.find((p) => p.method === method && p.re.test(pathname))?.key ?? null;
}

/**
 * The server's query-string rule (src/shared/contract/query-rules.ts) in the mock: an unknown parameter is a 400
 * naming it. Put first in the handler list; a request that passes falls through to the endpoint's handler.
 * (The server checks authentication first; the mock answers 400 before 403 — only for requests wrong twice.)
 */
export function queryRuleHandler(): HttpHandler {
  return http.all('*/api/*', ({ request }) => {
    const url = new URL(request.url);
    const key = routeKeyOf(request.method, url.pathname);
    if (!key) return undefined;
    const issues = unknownQueryParams(key, new Set(url.searchParams.keys())) ?? [];
    if (issues.length === 0) return undefined;
    const err = new ZodError(issues.map((i) => ({ code: 'custom' as const, path: [i.path], message: i.message, input: undefined })));
    return HttpResponse.json(zodToApiError(err), { status: 400 });
  });
}
