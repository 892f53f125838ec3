/**
 * THE authorisation table: every REST endpoint and every client→server socket event the app registers, with the
 * caller kinds allowed to use it; every other caller kind must be refused (401/403). security-authz.test.ts
 * asserts each cell over real HTTP / socket.io, and fails when the app registers an endpoint or event that has no
 * row here (or a row names something the app no longer registers). A new endpoint therefore needs a rule here
 * before the suite passes.
 *
 * Caller kinds of this pass: anonymous, the ingest token, the operator token, a wrong token. The accounts pass adds
 * operator/leader/home_affairs/unit_head/display sessions and an expired session to CALLERS: rows list who is
 * allowed, so a new caller kind is refused everywhere until a row says otherwise (fail closed).
 */
import type { Caller } from './authz-support';

export interface MatrixContext {
  /** an open report (reminders can be sent on it) */
  reportId: number;
  agencyId: string;
  /** a quarter with data that has ended and is not finalised */
  pastQuarter: string;
  /** a reminder whose sending failed (retry has something to do) */
  failedNotificationId: number;
  /** a fresh ingest event for the caller (each allowed call must store something new) */
  ingestEvent(caller: Caller): unknown;
}

export interface HttpRule {
  /** `METHOD url` exactly as registered in Fastify */
  endpoint: string;
  allow: readonly Caller[];
  /** the concrete request (default: the url itself, no body) */
  path?: (c: MatrixContext) => string;
  body?: (c: MatrixContext, caller: Caller) => unknown;
  /** what an allowed caller gets when it is not 200/201 (e.g. the SPA's HTML) */
  allowedStatus?: readonly number[];
  why: string;
}

export interface SocketRule {
  /** client→server event name */
  event: string;
  allow: readonly Caller[];
  payload: (c: MatrixContext) => unknown;
  why: string;
}

const EVERYONE: readonly Caller[] = ['anonymous', 'ingest', 'operator', 'wrong'];
const OPERATOR: readonly Caller[] = ['operator'];
const INGEST: readonly Caller[] = ['ingest'];

const PUBLIC_READ = 'public figures and reports without reporter identity (the portal publishes them)';

export const HTTP_RULES: readonly HttpRule[] = [
  { endpoint: 'GET /api/health', allow: EVERYONE, why: 'liveness probe' },
  { endpoint: 'GET /api/v1/meta', allow: EVERYONE, why: 'reference data' },
  { endpoint: 'GET /api/v1/config', allow: EVERYONE, why: 'client configuration (tile layer)' },
  { endpoint: 'GET /api/v1/session', allow: EVERYONE, why: 'says which role the caller has' },
  { endpoint: 'GET /api/v1/reports', allow: EVERYONE, why: PUBLIC_READ },
  { endpoint: 'GET /api/v1/reports/:id', allow: EVERYONE, path: (c) => `/api/v1/reports/${c.reportId}`, why: `${PUBLIC_READ}; the reporter only for operators (privacy tests)` },
  { endpoint: 'GET /api/v1/reports/due-soon', allow: EVERYONE, why: PUBLIC_READ },
  { endpoint: 'GET /api/v1/events', allow: EVERYONE, why: 'the public event feed' },
  { endpoint: 'POST /api/v1/events', allow: INGEST, body: (c, caller) => c.ingestEvent(caller), why: 'only the field-report platform writes events' },
  { endpoint: 'GET /api/v1/stats/summary', allow: EVERYONE, why: PUBLIC_READ },
  {
    endpoint: 'GET /api/v1/stats/kpis',
    allow: EVERYONE,
    path: () => '/api/v1/stats/kpis?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z',
    why: PUBLIC_READ,
  },
  {
    endpoint: 'GET /api/v1/stats/timeseries',
    allow: EVERYONE,
    path: () => '/api/v1/stats/timeseries?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z&interval=week',
    why: PUBLIC_READ,
  },
  {
    endpoint: 'GET /api/v1/stats/breakdown',
    allow: EVERYONE,
    path: () => '/api/v1/stats/breakdown?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z&by=agency',
    why: PUBLIC_READ,
  },
  {
    endpoint: 'GET /api/v1/stats/hotspots',
    allow: EVERYONE,
    path: () => '/api/v1/stats/hotspots?from=2024-01-01T00:00:00Z&to=2024-04-01T00:00:00Z',
    why: PUBLIC_READ,
  },
  { endpoint: 'GET /api/v1/stats/districts', allow: EVERYONE, why: PUBLIC_READ },
  { endpoint: 'GET /api/v1/stats/agencies', allow: EVERYONE, why: 'per-unit backlog figures (public, like the rankings)' },
  { endpoint: 'GET /api/v1/map/points', allow: EVERYONE, why: PUBLIC_READ },
  { endpoint: 'GET /api/v1/stats/satisfaction', allow: EVERYONE, why: 'public satisfaction figures (ratings are public on the portal)' },
  { endpoint: 'GET /api/v1/stats/satisfaction/disputes', allow: EVERYONE, why: 'disputed results: public reports and comments, no reporter identity (privacy crawl)' },
  { endpoint: 'GET /api/v1/rankings', allow: EVERYONE, why: 'public emulation rankings' },
  { endpoint: 'GET /api/v1/rankings/:quarter', allow: EVERYONE, path: (c) => `/api/v1/rankings/${c.pastQuarter}`, why: 'public emulation rankings' },
  {
    endpoint: 'GET /api/v1/rankings/:quarter/units/:agencyId',
    allow: EVERYONE,
    path: (c) => `/api/v1/rankings/${c.pastQuarter}/units/${c.agencyId}`,
    why: 'public emulation rankings',
  },
  { endpoint: 'GET /api/v1/rankings/:quarter/export.csv', allow: EVERYONE, path: (c) => `/api/v1/rankings/${c.pastQuarter}/export.csv`, why: 'public ranking export' },
  { endpoint: 'GET /api/v1/rankings/:quarter/export.xlsx', allow: EVERYONE, path: (c) => `/api/v1/rankings/${c.pastQuarter}/export.xlsx`, why: 'public ranking export' },
  {
    endpoint: 'POST /api/v1/rankings/:quarter/finalise',
    allow: OPERATOR,
    path: (c) => `/api/v1/rankings/${c.pastQuarter}/finalise`,
    body: () => ({ by: 'Sở Nội vụ (test)' }),
    why: 'freezing a quarter is an official act (home_affairs in the accounts pass)',
  },
  { endpoint: 'GET /api/v1/overdue-queue', allow: OPERATOR, why: 'the centre chases overdue reports' },
  { endpoint: 'GET /api/v1/agency-contacts', allow: OPERATOR, why: 'unit leaders\u2019 phone numbers' },
  {
    endpoint: 'POST /api/v1/reports/:id/reminders',
    allow: OPERATOR,
    path: (c) => `/api/v1/reports/${c.reportId}/reminders`,
    body: () => ({ channel: 'sms', target: 'officer', note: 'authz matrix' }),
    why: 'only the centre sends reminders',
  },
  { endpoint: 'GET /api/v1/notifications', allow: OPERATOR, why: 'the reminder outbox holds unit contacts' },
  {
    endpoint: 'POST /api/v1/notifications/:id/retry',
    allow: OPERATOR,
    path: (c) => `/api/v1/notifications/${c.failedNotificationId}/retry`,
    why: 'only the centre sends reminders',
  },
  { endpoint: 'GET /*', allow: EVERYONE, path: () => '/map', allowedStatus: [200], why: 'the SPA shell (data comes from the API above)' },
];

export const SOCKET_RULES: readonly SocketRule[] = [
  {
    event: 'live:subscribe',
    allow: EVERYONE,
    payload: () => ({ since: 0 }),
    why: 'the live stream is public (no reporter fields in it: privacy tests); scoped per role in the accounts pass',
  },
];
