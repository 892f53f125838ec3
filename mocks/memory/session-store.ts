import type { AccountRole, CallerRole, SessionResponse } from '../../src/shared/contract/session';

/** Password of every demo account in the mock (the real server has no default passwords). */
export const MOCK_DEMO_PASSWORD = 'demo-password';
/** The wall-screen token the mock accepts at POST /api/v1/session/display and as a bearer token. */
export const MOCK_DISPLAY_TOKEN = 'mock-display-token-0123456789';

export interface MockAccount {
  username: string;
  displayName: string;
  role: AccountRole;
  agencyId: string | null;
  password: string;
  disabled?: boolean;
}

export interface MockCaller {
  role: CallerRole;
  user: SessionResponse['user'];
  agencyId: string | null;
  expiresAt: string | null;
}

/** Login rate limit, as on the server: failures per username in a sliding window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_MS = 5 * 60_000;

/**
 * Accounts and the ONE browser session of the mock. A page that runs on MSW is one browser, so its cookie is
 * emulated as a single "current session" held here (set by a sign-in, cleared by DELETE, expiring after the TTL);
 * bearer tokens (operator, display) still identify tools and tests per request, as on the server.
 */
export interface MockSessions {
  readonly accounts: Map<string, MockAccount>;
  /** the emulated cookie's session, or null (an expired one reads as null) */
  current(): MockCaller | null;
  /**
   * true once after a session ended by itself (expiry, revoked display token): as on the server, the request that
   * still carries the dead cookie is anonymous even on a PUBLIC_VIEW server, and the cookie is then cleared
   */
  takeEnded(): boolean;
  login(username: string, password: string): MockCaller | 'invalid' | { retryAfterSeconds: number };
  demo(role: AccountRole, agencyId: string | null): MockCaller;
  display(token: string): MockCaller | null;
  logout(): void;
  /** tests: end the session as the server would after SESSION_TTL_HOURS, without waiting */
  expire(): void;
  addAccount(a: MockAccount): void;
  revokeDisplayToken(token: string): void;
  /** a display token presented as `Authorization: Bearer` (tools, tests) */
  isDisplayToken(token: string): boolean;
}

const ROLE_NAMES: Record<AccountRole, string> = {
  operator: 'Điều hành viên (demo)',
  leader: 'Lãnh đạo (demo)',
  home_affairs: 'Sở Nội vụ (demo)',
  unit_head: 'Thủ trưởng đơn vị (demo)',
  display: 'Màn hình tường (demo)',
};

export function createMockSessions(opts: { now: () => Date; ttlHours?: number; unitHeadAgencyId?: string }): MockSessions {
  const ttlMs = (opts.ttlHours ?? 12) * 3_600_000;
  const accounts = new Map<string, MockAccount>();
  const displayTokens = new Set([MOCK_DISPLAY_TOKEN]);
  const failures = new Map<string, number[]>();
  let session: (MockCaller & { until: number; display: string | null }) | null = null;
  let ended = false;

  const add = (a: MockAccount) => accounts.set(a.username, a);
  add({ username: 'dieuhanh', displayName: 'Nguyễn Văn Điều Hành', role: 'operator', agencyId: null, password: MOCK_DEMO_PASSWORD });
  add({ username: 'lanhdao', displayName: 'Trần Thị Lãnh Đạo', role: 'leader', agencyId: null, password: MOCK_DEMO_PASSWORD });
  add({ username: 'noivu', displayName: 'Lê Văn Nội Vụ', role: 'home_affairs', agencyId: null, password: MOCK_DEMO_PASSWORD });
  if (opts.unitHeadAgencyId) {
    add({ username: 'truongdonvi', displayName: 'Phạm Văn Trưởng', role: 'unit_head', agencyId: opts.unitHeadAgencyId, password: MOCK_DEMO_PASSWORD });
  }

  const start = (c: Omit<MockCaller, 'expiresAt'>, display: string | null = null): MockCaller => {
    const t = opts.now().getTime();
    ended = false;
    // display sessions last until their token is revoked; accounts until the TTL (idle and absolute)
    session = { ...c, expiresAt: display ? null : new Date(t + ttlMs).toISOString(), until: display ? Infinity : t + ttlMs, display };
    return current() as MockCaller;
  };

  function current(): MockCaller | null {
    if (!session) return null;
    const t = opts.now().getTime();
    if (t >= session.until || (session.display !== null && !displayTokens.has(session.display))) {
      session = null;
      ended = true;
      return null;
    }
    return { role: session.role, user: session.user, agencyId: session.agencyId, expiresAt: session.expiresAt };
  }

  return {
    accounts,
    current,
    takeEnded() {
      const was = ended;
      ended = false;
      return was;
    },
    login(username, password) {
      const t = opts.now().getTime();
      const key = username.trim().toLowerCase();
      const recent = (failures.get(key) ?? []).filter((at) => t - at < LOGIN_WINDOW_MS);
      failures.set(key, recent);
      const first = recent[0];
      if (recent.length >= LOGIN_LIMIT && first !== undefined) return { retryAfterSeconds: Math.ceil((first + LOGIN_WINDOW_MS - t) / 1000) };
      const a = accounts.get(username.trim());
      if (!a || a.disabled || a.password !== password) {
        recent.push(t);
        return 'invalid';
      }
      failures.delete(key);
      return start({ role: a.role, user: { username: a.username, displayName: a.displayName }, agencyId: a.agencyId });
    },
    demo(role, agencyId) {
      if (role === 'display') return start({ role, user: null, agencyId: null });
      return start({ role, user: { username: `demo-${role}`, displayName: ROLE_NAMES[role] }, agencyId });
    },
    display(token) {
      if (!displayTokens.has(token)) return null;
      return start({ role: 'display', user: null, agencyId: null }, token);
    },
    logout() {
      session = null;
      ended = false;
    },
    expire() {
      if (session) session.until = opts.now().getTime();
    },
    addAccount: add,
    revokeDisplayToken(token) {
      displayTokens.delete(token);
    },
    isDisplayToken: (token) => displayTokens.has(token),
  };
}
