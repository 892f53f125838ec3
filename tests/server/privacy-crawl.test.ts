/**
 * Privacy crawl: a scenario in which every report has a known reporter (unique name and phone) and reminders have
 * gone out to unit leaders; then, for every non-operator caller kind, every GET endpoint the app registers is
 * crawled with representative parameters (every list page, a sample of report details, each statistic, the
 * rankings and their exports unpacked) and every socket payload received during ingest is kept. No reporter name
 * or phone, and no unit contact (operators only), may appear anywhere — searched as exact strings in the
 * serialised bodies. The operator's view is crawled too, as the control: the detector must find them there.
 *
 * Callers (decision 0011): every non-operator kind of authz-support's CALLERS — leader, home_affairs, unit_head,
 * display (cookie and bearer token), public (PUBLIC_VIEW=1 here, so `anonymous` is a visitor too), the ingest token,
 * a wrong token, an expired, a logged-out and a revoked-display session. The signed-in ones come from real accounts
 * and the real sign-in endpoints; their sockets authenticate with the same cookie or token.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/shared/contract/event';
import { registeredRoutes } from '../../src/server/http/hardening';
import { createHistory } from '../../mocks/scenario/history';
import contacts from '../../src/shared/data/agency-contacts.json';
import { authHeaders, CALLERS, prepareCallers, socketAs, startHardenedServer, type Caller, type HardenedServer } from './authz-support';
import { NOW, waitFor } from './harness';

const NON_OPERATORS = CALLERS.filter((c) => c !== 'operator' && c !== 'operator_session');
/** callers whose credentials open nothing: refused everywhere but the open endpoints, and by the live stream */
const SHUT_OUT: readonly Caller[] = ['wrong', 'expired', 'logged_out', 'revoked_display'];
/** a unit head sees one unit: fewer answers and a thinner stream, but real ones */
const NARROW: readonly Caller[] = ['unit_head'];
const OPEN_ROUTES = ['/api/health', '/api/v1/meta', '/api/v1/config', '/api/v1/session'];

/** The confidential strings: reporters (name, phone as sent and as digits) and unit contacts (phone, e-mail). */
const secrets = new Set<string>();
const reporters: { name: string; phone: string }[] = [];
/** every reporter name carries this (the scenario's other people never do), so one scan finds them all */
const NAME_MARK = 'Kín Danh';

function contactSecrets(): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of ['phone', 'email']) if (typeof o[k] === 'string') out.push(o[k] as string, (o[k] as string).replace(/[^0-9]/g, ''));
      Object.values(o).forEach(visit);
    }
  };
  visit(contacts);
  return out.filter((s) => s.length >= 6);
}

function knownReporter(n: number) {
  const pad = (x: number) => String(x).padStart(3, '0');
  return { name: `Hồ Thị ${NAME_MARK} ${n}`, phone: `0977 ${pad(Math.floor(n / 1000))} ${pad(n % 1000)}` };
}

/**
 * The secrets that occur in `text` as exact substrings. A few thousand `includes` over megabytes would take
 * minutes, so candidates are found by shape first (the name mark, digit runs, e-mail-like words) and then
 * looked up exactly; a digit run is searched for every secret's digits inside it.
 */
function leaksIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(new RegExp(`${NAME_MARK} \\d+`, 'g'))) {
    const full = `Hồ Thị ${m[0]}`;
    out.add(secrets.has(full) && text.includes(full) ? full : `(name mark) ${m[0]}`);
  }
  const digitLengths = [...new Set([...secrets].filter((x) => /^\d+$/.test(x)).map((x) => x.length))];
  for (const m of text.matchAll(/\d[\d .()+-]{5,}\d/g)) {
    if (secrets.has(m[0])) out.add(m[0]);
    const digits = m[0].replace(/\D/g, '');
    for (const len of digitLengths) {
      for (let i = 0; i + len <= digits.length; i++) {
        const d = digits.slice(i, i + len);
        if (secrets.has(d)) out.add(d);
      }
    }
  }
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+/g)) if (secrets.has(m[0])) out.add(m[0]);
  return [...out];
}

let s: HardenedServer;
const socketPayloads = new Map<Caller, string[]>();
let reportIds: number[] = [];
let unitId = '';

beforeAll(async () => {
  s = await startHardenedServer({ security: { ingestRate: null, loginRate: null }, publicView: true });
  for (const c of contactSecrets()) secrets.add(c);

  const events: EventInput[] = [];
  let n = 0;
  for (const e of createHistory({ seed: 23, end: NOW, days: 14 }).events()) {
    if (e.type === 'created') {
      const r = knownReporter(++n);
      reporters.push(r);
      secrets.add(r.name).add(r.phone).add(r.phone.replace(/[^0-9]/g, ''));
      events.push({ ...e, reporter: r });
    } else events.push(e);
  }

  // the unit head heads the unit with the most assignments in the scenario
  const assigned = new Map<string, number>();
  for (const e of events) if (e.type === 'assigned') assigned.set(e.agencyId, (assigned.get(e.agencyId) ?? 0) + 1);
  unitId = [...assigned].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  await prepareCallers(s, unitId);

  // sockets of every caller kind listen while the scenario arrives (with their cookie or token)
  const sockets = CALLERS.map((caller) => {
    const sock = socketAs(s.url, caller, { creds: s.credentials.get(caller) });
    const raw: string[] = [];
    socketPayloads.set(caller, raw);
    sock.onAny((name: string, ...args: unknown[]) => raw.push(`${name} ${JSON.stringify(args)}`));
    sock.on('connect_error', (err) => raw.push(`connect_error ${err.message}`));
    sock.on('connect', () => sock.emit('live:subscribe', { since: 0 }));
    return sock;
  });
  await waitFor(
    () => [...socketPayloads.entries()].every(([caller, p]) => p.some((x) => x.startsWith(SHUT_OUT.includes(caller) ? 'connect_error' : 'live:subscribed'))),
    5000,
    'subscriptions',
  );
  for (let i = 0; i < events.length; i += 1000) {
    const res = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: events.slice(i, i + 1000) });
    expect(res.status).toBe(201);
    socketPayloads.get('ingest')?.push(`ingest-response ${res.text}`);
  }
  const head = s.store.latestSeq();
  const full = [...socketPayloads.entries()].filter(([caller]) => !SHUT_OUT.includes(caller) && !NARROW.includes(caller));
  await waitFor(() => full.every(([, p]) => p.some((x) => x.includes(`"seq":${head},`))), 15_000, 'the stream to reach the head');
  // a unit head's batches leave in the same flush as everyone's
  await new Promise((r) => setTimeout(r, 300));

  reportIds = s.store.listReports({ limit: 500 }, NOW).items.map((r) => r.id);
  // reminders to unit leaders: their contacts go to the outbox (operators only), never into the public log
  const open = s.store.listReports({ limit: 20, status: ['assigned', 'in_progress'] }, NOW).items;
  for (const r of open.slice(0, 5)) {
    const res = await s.request('POST', `/api/v1/reports/${r.id}/reminders`, { caller: 'operator', body: { channel: 'phone', target: 'unit_leader', note: 'nhắc xử lý' } });
    expect(res.status).toBe(201);
  }
  await new Promise((r) => setTimeout(r, 200));

  // a late subscriber replays the end of the log (the reminders included)
  for (const caller of NON_OPERATORS.filter((c) => !SHUT_OUT.includes(c))) {
    const late = socketAs(s.url, caller, { creds: s.credentials.get(caller) });
    const raw = socketPayloads.get(caller) ?? [];
    late.onAny((name: string, ...args: unknown[]) => raw.push(`${name} ${JSON.stringify(args)}`));
    await new Promise<void>((resolve) => {
      late.on('live:subscribed', () => resolve());
      late.on('connect', () => late.emit('live:subscribe', { since: Math.max(0, s.store.latestSeq() - 4000) }));
    });
    late.close();
  }
  for (const sock of sockets) sock.close();
}, 120_000);
afterAll(async () => {
  await s?.close();
});

/** Representative requests for every GET route (a route without an entry here fails the crawl). */
const CRAWL: Record<string, (c: { ids: number[]; agencyIds: string[]; quarters: string[] }) => string[]> = {
  'GET /api/health': () => ['/api/health'],
  'GET /api/v1/meta': () => ['/api/v1/meta'],
  'GET /api/v1/config': () => ['/api/v1/config'],
  'GET /api/v1/session': () => ['/api/v1/session'],
  'GET /api/v1/reports': () => ['/api/v1/reports?limit=500', `/api/v1/reports?q=${encodeURIComponent(reporters[0]?.name ?? '')}`, `/api/v1/reports?q=${encodeURIComponent(reporters[1]?.phone ?? '')}`, '/api/v1/reports?overdue=true&limit=500'],
  'GET /api/v1/reports/:id': (c) => c.ids.map((id) => `/api/v1/reports/${id}`),
  'GET /api/v1/reports/due-soon': () => ['/api/v1/reports/due-soon?within=31d&limit=1000'],
  'GET /api/v1/events': () => ['/api/v1/events?limit=200'],
  'GET /api/v1/stats/summary': () => ['/api/v1/stats/summary'],
  'GET /api/v1/stats/kpis': () => ['/api/v1/stats/kpis?from=2024-03-01T00:00:00Z&to=2024-03-16T00:00:00Z'],
  'GET /api/v1/stats/timeseries': () => ['/api/v1/stats/timeseries?from=2024-02-01T00:00:00Z&to=2024-03-16T00:00:00Z&interval=day'],
  'GET /api/v1/stats/breakdown': () => ['category', 'district', 'agency'].map((by) => `/api/v1/stats/breakdown?from=2024-02-01T00:00:00Z&to=2024-03-16T00:00:00Z&by=${by}`),
  'GET /api/v1/stats/hotspots': () => ['/api/v1/stats/hotspots?from=2024-02-01T00:00:00Z&to=2024-03-16T00:00:00Z&minCount=2&radius=1000'],
  'GET /api/v1/stats/districts': () => ['/api/v1/stats/districts'],
  'GET /api/v1/stats/agencies': () => ['/api/v1/stats/agencies?from=2024-03-01T00:00:00Z&to=2024-03-16T00:00:00Z'],
  'GET /api/v1/stats/satisfaction': () => ['/api/v1/stats/satisfaction?from=2024-02-01T00:00:00Z&to=2024-03-16T00:00:00Z', '/api/v1/stats/satisfaction'],
  'GET /api/v1/stats/satisfaction/disputes': () => ['/api/v1/stats/satisfaction/disputes?from=2024-02-01T00:00:00Z&to=2024-03-16T00:00:00Z', '/api/v1/stats/satisfaction/disputes'],
  'GET /api/v1/map/points': () => ['/api/v1/map/points?period=90d'],
  'GET /api/v1/rankings': () => ['/api/v1/rankings'],
  'GET /api/v1/rankings/:quarter': (c) => c.quarters.map((q) => `/api/v1/rankings/${q}`),
  'GET /api/v1/rankings/:quarter/units/:agencyId': (c) => c.agencyIds.slice(0, 5).map((a) => `/api/v1/rankings/${c.quarters[0]}/units/${a}`),
  'GET /api/v1/rankings/:quarter/export.csv': (c) => c.quarters.map((q) => `/api/v1/rankings/${q}/export.csv`),
  'GET /api/v1/rankings/:quarter/export.xlsx': (c) => c.quarters.map((q) => `/api/v1/rankings/${q}/export.xlsx`),
  'GET /api/v1/overdue-queue': () => ['/api/v1/overdue-queue?limit=500'],
  'GET /api/v1/agency-contacts': () => ['/api/v1/agency-contacts'],
  'GET /api/v1/notifications': () => ['/api/v1/notifications?limit=500'],
};

/** Every text a caller can read from one request, following list/feed pages and unpacking workbooks. */
async function readAll(caller: Caller, first: string): Promise<{ texts: string[]; statuses: number[] }> {
  const texts: string[] = [];
  const statuses: number[] = [];
  let path: string | null = first;
  for (let page = 0; path && page < 200; page++) {
    const res = await fetch(`${s.url}${path}`, { headers: authHeaders(caller, s.credentials.get(caller)) });
    statuses.push(res.status);
    const buf = Buffer.from(await res.arrayBuffer());
    if ((res.headers.get('content-type') ?? '').includes('spreadsheetml')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      wb.eachSheet((ws) => ws.eachRow((row) => texts.push(JSON.stringify(row.values))));
      texts.push(buf.toString('latin1'));
    } else texts.push(buf.toString('utf8'));
    path = null;
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('json')) break;
    const body = JSON.parse(buf.toString('utf8')) as { nextCursor?: string | null; items?: unknown };
    // follow the list's cursor and the feed's `before`
    if (first.startsWith('/api/v1/reports?') && body.nextCursor) path = `${first.replace(/&cursor=[^&]*/, '')}&cursor=${encodeURIComponent(body.nextCursor)}`;
    const items = Array.isArray(body.items) ? (body.items as { seq?: number }[]) : [];
    const lastSeq = items.at(-1)?.seq;
    if (first.startsWith('/api/v1/events') && lastSeq !== undefined && lastSeq > 1) path = `/api/v1/events?limit=200&before=${lastSeq}`;
  }
  return { texts, statuses };
}

/** the reports a unit head may open (their unit leads or coordinates them), found from the store directly */
function unitReportIds(): number[] {
  return s.store
    .listReports({ limit: 500 }, NOW)
    .items.filter((r) => r.agencyId === unitId || r.coordinatingAgencyIds.includes(unitId))
    .map((r) => r.id);
}

async function crawl(caller: Caller) {
  const meta = (await (await fetch(`${s.url}/api/v1/meta`)).json()) as { agencies: { id: string }[] };
  const quarters = ((await (await fetch(`${s.url}/api/v1/rankings`)).json()) as { quarters: { quarter: string }[] }).quarters.map((q) => q.quarter).slice(0, 2);
  // a sample of report details: spread over the whole id range, and every report of the unit head's unit
  const ids = [...new Set([...reportIds.filter((_, i) => i % Math.max(1, Math.floor(reportIds.length / 60)) === 0), ...unitReportIds()])];
  const c = { ids, agencyIds: meta.agencies.map((a) => a.id), quarters };
  const found: string[] = [];
  const visited: string[] = [];
  const bodies: string[] = [];
  for (const route of registeredRoutes(s.app.fastify).filter((r) => r.startsWith('GET /api/'))) {
    const make = CRAWL[route];
    if (!make) {
      found.push(`no crawl entry for ${route} (add one to tests/server/privacy-crawl.test.ts)`);
      continue;
    }
    for (const path of make(c)) {
      const { texts, statuses } = await readAll(caller, path);
      visited.push(`${statuses.join(',')} ${path}`);
      for (const t of texts) {
        bodies.push(t);
        for (const leak of leaksIn(t)) found.push(`${path}: ${leak}`);
      }
    }
  }
  return { found, visited, bodies };
}

describe('privacy crawl', () => {
  it('the scenario really holds known reporters and unit contacts (the detector has something to find)', async () => {
    expect(reporters.length).toBeGreaterThan(300);
    const op = await crawl('operator');
    // operators are the only ones who may see them: a reporter in a detail, leader phones in the outbox/contacts
    expect(op.found.some((f) => f.startsWith('/api/v1/reports/') && reporters.some((r) => f.endsWith(r.name)))).toBe(true);
    expect(op.found.some((f) => f.startsWith('/api/v1/agency-contacts'))).toBe(true);
    expect(op.found.some((f) => f.startsWith('/api/v1/notifications'))).toBe(true);
    expect(op.found.filter((f) => f.startsWith('no crawl entry'))).toEqual([]);
  }, 120_000);

  it('the operator session (cookie) sees what the operator token sees: the detector finds reporters there too', async () => {
    const op = await crawl('operator_session');
    expect(op.found.some((f) => f.startsWith('/api/v1/reports/') && reporters.some((r) => f.endsWith(r.name)))).toBe(true);
  }, 120_000);

  for (const caller of NON_OPERATORS) {
    it(`${caller}: no reporter name or phone, no unit contact, in any API response`, async () => {
      const { found, visited } = await crawl(caller);
      expect(found).toEqual([]);
      const ok = visited.filter((v) => v.startsWith('200'));
      if (SHUT_OUT.includes(caller)) {
        // credentials that open nothing: only the open endpoints answer, every data route is a 401
        expect(ok.map((v) => v.split(' ')[1]).filter((p) => !OPEN_ROUTES.includes(p ?? ''))).toEqual([]);
        expect(visited.filter((v) => v.startsWith('401')).length).toBeGreaterThan(60);
        return;
      }
      // the crawl read real data, not only refusals
      expect(ok.length).toBeGreaterThan(NARROW.includes(caller) ? 40 : 60);
      expect(visited.some((v) => /^(200,){3,}/.test(v) || (NARROW.includes(caller) && /^200 \/api\/v1\/reports\/\d+$/.test(v)))).toBe(true);
    }, 120_000);

    it(`${caller}: none in any socket payload received during ingest or replay`, () => {
      const raw = socketPayloads.get(caller) ?? [];
      if (SHUT_OUT.includes(caller)) {
        // refused at the handshake: not a single event
        expect(raw.filter((x) => !x.startsWith('connect_error'))).toEqual([]);
        expect(raw.some((x) => x === 'connect_error unauthenticated')).toBe(true);
        return;
      }
      expect(raw.length).toBeGreaterThan(3);
      expect(raw.join('\n').length).toBeGreaterThan(NARROW.includes(caller) ? 10_000 : 100_000);
      expect(leaksIn(raw.join('\n'))).toEqual([]);
    });
  }
});
