/**
 * THE authorisation table: every REST endpoint and every client→server socket event the app registers, with the
 * caller kinds allowed to use it; every other caller kind must be refused (401 when nobody is signed in, 403 when
 * the role lacks the capability). security-authz.test.ts asserts each cell over real HTTP / socket.io, and fails
 * when the app registers an endpoint or event that has no row here (or a row names something the app no longer
 * registers). A new endpoint therefore needs a rule here before the suite passes.
 *
 * The caller kinds are listed explicitly per row (not derived from src/shared/domain/access.ts), so this table is
 * an independent statement of decision 0011 that the implementation is checked against. A caller kind added to
 * CALLERS is refused everywhere until a row says otherwise (fail closed).
 */
import { CALLERS, type Caller } from './authz-support';

export interface MatrixContext {
  /** an open report of the unit head's unit (reminders can be sent on it) */
  reportId: number;
  agencyId: string;
  /** a quarter with data that has ended and is not finalised */
  pastQuarter: string;
  /** a reminder whose sending failed (retry has something to do) */
  failedNotificationId: number;
  /** a fresh ingest event for the caller (each allowed call must store something new) */
  ingestEvent(caller: Caller): unknown;
  /** a live display token (for the display sign-in row) */
  displayToken: string;
}

export interface HttpRule {
  /** `METHOD url` exactly as registered in Fastify */
  endpoint: string;
  allow: readonly Caller[];
  /** the concrete request (default: the url itself, no body) */
  path?: (c: MatrixContext) => string;
  body?: (c: MatrixContext, caller: Caller) => unknown;
  /** what an allowed caller gets when it is not 200/201 (e.g. the SPA's HTML, a 204) */
  allowedStatus?: readonly number[];
  /** every refused caller hears 401 (a credential of its own, not a role's capability: the ingest token) */
  refusedAs401?: boolean;
  /** the request signs someone in or out: the callers' sessions are made again after the row */
  changesSessions?: boolean;
  why: string;
}

export interface SocketRule {
  /** client→server event name */
  event: string;
  allow: readonly Caller[];
  payload: (c: MatrixContext) => unknown;
  why: string;
}

/** Everyone, signed in or not, with or without a valid credential. */
const EVERYONE: readonly Caller[] = CALLERS;
const OPERATORS: readonly Caller[] = ['operator', 'operator_session'];
/** the read-only live views: wall displays and, with PUBLIC_VIEW=1, visitors */
const VIEWERS: readonly Caller[] = ['public', 'display', 'display_token'];
/** province-wide statistics and the live map */
const PROVINCE: readonly Caller[] = [...OPERATORS, 'leader', 'home_affairs', ...VIEWERS];
/** the same, plus unit heads narrowed to their unit (the server forces or filters the unit) */
const PROVINCE_AND_UNIT: readonly Caller[] = [...PROVINCE, 'unit_head'];

const PUBLIC_READ = 'reports and figures without reporter identity';

export const HTTP_RULES: readonly HttpRule[] = [
  { endpoint: 'GET /api/health', allow: EVERYONE, why: 'liveness probe' },
  { endpoint: 'GET /api/v1/meta', allow: EVERYONE, why: 'reference data (the login page lists units)' },
  { endpoint: 'GET /api/v1/config', allow: EVERYONE, why: 'client configuration (tile layer)' },
  { endpoint: 'GET /api/v1/session', allow: EVERYONE, why: 'says which role the caller has (anonymous included)' },
  {
    endpoint: 'POST /api/v1/session',
    allow: EVERYONE,
    body: () => ({ username: 'm.leader', password: 'correct horse battery staple' }),
    changesSessions: true,
    why: 'signing in is open to anyone with a password',
  },
  { endpoint: 'DELETE /api/v1/session', allow: EVERYONE, allowedStatus: [204], changesSessions: true, why: 'signing out always works' },
  { endpoint: 'POST /api/v1/session/display', allow: EVERYONE, body: (c) => ({ token: c.displayToken }), changesSessions: true, why: 'a wall screen exchanges its token' },
  { endpoint: 'POST /api/v1/session/demo', allow: EVERYONE, body: () => ({ role: 'leader' }), changesSessions: true, why: 'the demo picker (the matrix server runs with DEMO_LOGIN=1)' },
  { endpoint: 'GET /api/v1/reports', allow: PROVINCE_AND_UNIT, why: `${PUBLIC_READ}; a unit head: their unit only (forced)` },
  {
    endpoint: 'GET /api/v1/reports/:id',
    allow: PROVINCE_AND_UNIT,
    path: (c) => `/api/v1/reports/${c.reportId}`,
    why: `${PUBLIC_READ}; the reporter only for operators (privacy crawl); another unit's report is a 404 to a unit head`,
  },
  { endpoint: 'GET /api/v1/reports/due-soon', allow: PROVINCE_AND_UNIT, why: `${PUBLIC_READ}; a unit head: filtered to their unit` },
  { endpoint: 'GET /api/v1/events', allow: PROVINCE_AND_UNIT, why: 'the live feed backfill; a unit head: filtered to their unit' },
  {
    endpoint: 'POST /api/v1/events',
    allow: ['ingest'],
    body: (c, caller) => c.ingestEvent(caller),
    refusedAs401: true,
    why: 'only the field-report platform writes events (its own token; no role includes it)',
  },
  { endpoint: 'GET /api/v1/stats/summary', allow: PROVINCE, why: 'province-wide figures' },
  {
    endpoint: 'GET /api/v1/stats/kpis',
    allow: PROVINCE_AND_UNIT,
    path: () => '/api/v1/stats/kpis?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z',
    why: 'period figures; a unit head: their unit forced (the unit page)',
  },
  {
    endpoint: 'GET /api/v1/stats/timeseries',
    allow: PROVINCE_AND_UNIT,
    path: () => '/api/v1/stats/timeseries?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z&interval=week',
    why: 'period series; a unit head: their unit forced',
  },
  {
    endpoint: 'GET /api/v1/stats/breakdown',
    allow: PROVINCE,
    path: () => '/api/v1/stats/breakdown?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z&by=agency',
    why: 'province-wide breakdowns',
  },
  {
    endpoint: 'GET /api/v1/stats/hotspots',
    allow: PROVINCE,
    path: () => '/api/v1/stats/hotspots?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z',
    why: 'province-wide repeat hotspots',
  },
  { endpoint: 'GET /api/v1/stats/districts', allow: PROVINCE, why: 'the province map’s choropleth' },
  { endpoint: 'GET /api/v1/stats/agencies', allow: PROVINCE_AND_UNIT, why: 'per-unit backlog figures; a unit head: their unit forced' },
  { endpoint: 'GET /api/v1/map/points', allow: PROVINCE, why: 'the province-wide live map (a unit head uses their unit page)' },
  { endpoint: 'GET /api/v1/stats/satisfaction', allow: PROVINCE_AND_UNIT, why: 'satisfaction figures; a unit head: their unit forced' },
  { endpoint: 'GET /api/v1/stats/satisfaction/disputes', allow: PROVINCE_AND_UNIT, why: 'disputed results without reporter identity; a unit head: their unit' },
  { endpoint: 'GET /api/v1/rankings', allow: PROVINCE_AND_UNIT, why: 'public emulation rankings (every unit, unit heads included)' },
  { endpoint: 'GET /api/v1/rankings/:quarter', allow: PROVINCE_AND_UNIT, path: (c) => `/api/v1/rankings/${c.pastQuarter}`, why: 'public emulation rankings' },
  {
    endpoint: 'GET /api/v1/rankings/:quarter/units/:agencyId',
    allow: PROVINCE_AND_UNIT,
    path: (c) => `/api/v1/rankings/${c.pastQuarter}/units/${c.agencyId}`,
    why: 'public emulation rankings',
  },
  { endpoint: 'GET /api/v1/rankings/:quarter/export.csv', allow: PROVINCE_AND_UNIT, path: (c) => `/api/v1/rankings/${c.pastQuarter}/export.csv`, why: 'public ranking export' },
  { endpoint: 'GET /api/v1/rankings/:quarter/export.xlsx', allow: PROVINCE_AND_UNIT, path: (c) => `/api/v1/rankings/${c.pastQuarter}/export.xlsx`, why: 'public ranking export' },
  {
    endpoint: 'POST /api/v1/rankings/:quarter/finalise',
    allow: [...OPERATORS, 'home_affairs'],
    path: (c) => `/api/v1/rankings/${c.pastQuarter}/finalise`,
    body: () => ({ by: 'Sở Nội vụ (test)' }),
    // the first allowed caller freezes the quarter; the next ones pass the guard and hear it is already frozen
    allowedStatus: [201, 409],
    why: 'freezing a quarter is Home Affairs’ official act (operators too)',
  },
  { endpoint: 'GET /api/v1/overdue-queue', allow: [...OPERATORS, 'leader', 'unit_head'], why: 'chasing overdue reports; a unit head: their unit’s rows' },
  { endpoint: 'GET /api/v1/agency-contacts', allow: OPERATORS, why: 'unit leaders’ phone numbers' },
  {
    endpoint: 'POST /api/v1/reports/:id/reminders',
    allow: OPERATORS,
    path: (c) => `/api/v1/reports/${c.reportId}/reminders`,
    body: () => ({ channel: 'sms', target: 'officer', note: 'authz matrix' }),
    why: 'only the centre sends reminders',
  },
  { endpoint: 'GET /api/v1/notifications', allow: OPERATORS, why: 'the reminder outbox holds unit contacts' },
  {
    endpoint: 'POST /api/v1/notifications/:id/retry',
    allow: OPERATORS,
    path: (c) => `/api/v1/notifications/${c.failedNotificationId}/retry`,
    why: 'only the centre sends reminders',
  },
  { endpoint: 'GET /*', allow: EVERYONE, path: () => '/map', allowedStatus: [200], why: 'the SPA shell (its data comes from the API above; the login page is part of it)' },
];

export const SOCKET_RULES: readonly SocketRule[] = [
  {
    event: 'live:subscribe',
    allow: PROVINCE_AND_UNIT,
    payload: () => ({ since: 0 }),
    why: 'the live stream (never reporter fields: privacy crawl); a unit head’s is narrowed to their unit',
  },
];
