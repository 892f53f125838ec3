/**
 * Property-based fuzzing of every GET endpoint of the API: random query strings (the endpoint's own parameter
 * names with hostile values, unknown names, prototype keys, repeated keys, broken percent-encoding, huge values)
 * and hostile path parameters. Every answer must be a 200 or a 4xx with the error shape — never a 5xx — and a
 * read must never change the store.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/hardening';
import { QUERY_RULES, queryKeysOf } from '../../src/shared/contract/query-rules';
import { createHistory } from '../../mocks/scenario/history';
import { startHardenedServer, type HardenedServer } from './authz-support';
import { NOW, OPERATOR_TOKEN } from './harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

let s: HardenedServer;
let routes: { url: string; keys: string[] }[] = [];

beforeAll(async () => {
  s = await startHardenedServer({ security: { ingestRate: null } });
  const events = [...createHistory({ seed: 7, end: NOW, days: 8 }).events()];
  for (let i = 0; i < events.length; i += 1000) {
    const res = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: events.slice(i, i + 1000) });
    expect(res.status).toBe(201);
  }
  routes = registeredRoutes(s.app.fastify)
    .filter((r) => r.startsWith('GET /api/'))
    .map((r) => {
      const url = r.slice(4);
      const schema = QUERY_RULES[r];
      return { url, keys: schema ? [...(queryKeysOf(schema) ?? [])] : [] };
    });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const hostileValue = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.oneof(
      fc.constantFrom(
        '', ' ', 'NaN', 'Infinity', '-Infinity', '-1', '0', '1.5', '1e309', '99999999999999999999', '-0', '0x10',
        'true', 'false', 'null', 'undefined', '[]', '{}', ',', ',,,', 'received,,rejected', 'received,nope',
        '2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2024-03-15', '2024-03-15T07:00:00Z', '2024-01-01T00:00:00+07:00',
        '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-Q1', '2023-Q4', '2024-Q5', 'day', 'week', 'month', 'agency', 'district',
        '30d', '24h', '90m', '0m', '-2h', '1e3d', 'all', 'overdue', 'by_unit', '474', 'so-xay-dung', 'o ga',
        '__proto__', 'constructor', 'toString', '\u0000', '\ud800', '🧨', '<script>alert(1)</script>', "' OR 1=1 --",
      ),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.integer().map(String),
      fc.double().map(String),
    ),
  },
  // huge: the server reads up to 16 KiB of request line and headers (beyond that: 431)
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)) },
);

const hostileName = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'limit[]', 'a.b', '', 'LIMIT', 'status[0]'), fc.string({ maxLength: 12 }));

/** A lone surrogate cannot be percent-encoded as UTF-8: send the invalid byte sequence it would have been. */
const enc = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
};

/** One `name=value` pair, mostly well encoded, sometimes raw (broken percent-encoding, bare `&`/`=`). */
const pair = (names: string[]) =>
  fc.tuple(names.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileName }) : hostileName, hostileValue, fc.nat(9)).map(([n, v, raw]) =>
    raw === 0 ? `${enc(n)}=%${enc(v.slice(0, 2))}` : raw === 1 ? `${enc(n)}=${v.replace(/[#\s]/g, '')}` : `${enc(n)}=${enc(v)}`,
  );

const pathValue = fc.oneof(
  fc.constantFrom('1', '2', '0', '-1', '1.5', '1e3', '9007199254740993', 'abc', '%00', '..', '%2e%2e', '2024-Q1', '2023-Q4', '2024-Q5', 'so-xay-dung', '__proto__', 'x'.repeat(150)),
  fc.string({ minLength: 1, maxLength: 20 }).map(enc),
);

const request = fc.tuple(fc.nat(), fc.array(fc.nat(), { maxLength: 3 })).chain(([r]) => {
  const route = routes[r % routes.length] ?? { url: '/api/health', keys: [] };
  const params = (route.url.match(/:[A-Za-z]+/g) ?? []).length;
  return fc.tuple(fc.constant(route.url), fc.array(pathValue, { minLength: params, maxLength: params }), fc.array(pair(route.keys), { maxLength: 6 }));
}).map(([url, values, pairs]) => {
  let i = 0;
  const path = url.replace(/:[A-Za-z]+/g, () => values[i++] ?? '1');
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
});

describe('query fuzzing', () => {
  it(`answers ${RUNS} hostile queries on every GET endpoint with 200 or a 4xx, never a 5xx; reads change nothing`, async () => {
    expect(routes.length).toBeGreaterThan(15);
    const before = { seq: s.store.latestSeq(), total: s.store.listReports({ limit: 1 }, NOW).total };
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (path) => {
        let res: Response;
        try {
          res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'accept-encoding': 'identity' } });
        } catch {
          // the client refused to send it (an invalid URL): nothing reached the server
          return true;
        }
        const buf = await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 || (res.status >= 300 && res.status < 400)) {
          failures.push(`${res.status} ${path.slice(0, 300)} → ${new TextDecoder().decode(buf).slice(0, 300)}`);
          return false;
        }
        if (res.status >= 400 && res.status !== 431) {
          const body = JSON.parse(new TextDecoder().decode(buf)) as { error?: unknown; message?: unknown };
          if (typeof body.error !== 'string' || typeof body.message !== 'string') {
            failures.push(`${res.status} without the error shape: ${path.slice(0, 200)}`);
            return false;
          }
        }
        return true;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20240316), endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect({ seq: s.store.latestSeq(), total: s.store.listReports({ limit: 1 }, NOW).total }).toEqual(before);
    expect((await s.request('GET', '/api/health')).status).toBe(200);
    console.info('query fuzz statuses:', Object.fromEntries([...statuses].sort()));
    // the property reached the endpoints' answers, not only the refusals
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 20);
  }, 180_000);
});
