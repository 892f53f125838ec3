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
  /**
   * The server-less demo reloads the page on sign-in and sign-out, which recreates the whole mock: keep the emulated
   * cookie in the tab's sessionStorage (as a browser keeps a session cookie), restored now and saved on each change.
   */
  persistIn(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, key: string): void;
}

export function createMockSessions(opts: { now: () => Date; ttlHours?: number; unitHeadAgencyId?: string }): MockSessions {
  const ttlMs = (opts.ttlHours ?? 12) * 3_600_000;
  const accounts = new Map<string, MockAccount>();
  const displayTokens = new Set([MOCK_DISPLAY_TOKEN]);
  const failures = new Map<string, number[]>();
  type Session = MockCaller & { until: number; display: string | null };
  let session: Session | null = null;
  let ended = false;
  let save: (s: Session | null) => void = () => undefined;

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
    save(session);
    return current() as MockCaller;
  };

  function current(): MockCaller | null {
    if (!session) return null;
    const t = opts.now().getTime();
    if (t >= session.until || (session.display !== null && !displayTokens.has(session.display))) {
      session = null;
      ended = true;
      save(null);
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
    // as on the server, a demo session is a role without an account (user null)
    demo: (role, agencyId) => start({ role, user: null, agencyId }),
    display(token) {
      if (!displayTokens.has(token)) return null;
      return start({ role: 'display', user: null, agencyId: null }, token);
    },
    logout() {
      session = null;
      ended = false;
      save(null);
    },
    expire() {
      if (session) session.until = opts.now().getTime();
    },
    addAccount: add,
    revokeDisplayToken(token) {
      displayTokens.delete(token);
    },
    isDisplayToken: (token) => displayTokens.has(token),
    persistIn(storage, key) {
      try {
        const raw = storage.getItem(key);
        // JSON has no Infinity: a display session is stored with until null
        const restored = raw ? (JSON.parse(raw) as Omit<Session, 'until'> & { until: number | null }) : null;
        if (restored) session = { ...restored, until: restored.until ?? Infinity };
      } catch {
        // a damaged entry: nobody is signed in
      }
      save = (s) => {
        try {
          if (s) storage.setItem(key, JSON.stringify({ ...s, until: Number.isFinite(s.until) ? s.until : null }));
          else storage.removeItem(key);
        } catch {
          // storage full or disabled: the session lasts until the next reload
        }
      };
    },
  };
}
