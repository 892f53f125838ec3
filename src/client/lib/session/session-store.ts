import { sessionResponse } from '../../../shared/contract/session';
import type { AccountRole, SessionResponse } from '../../../shared/contract/session';
import { fetchJson, fetchNoContent, setUnauthorizedHandler } from '../api/http';

/**
 * Who this browser is, as the server says (GET /api/v1/session). The session itself is an httpOnly cookie the
 * page never sees; this module only mirrors the server's answer so views can hide what the role cannot use —
 * the server is the guard. Lives outside React (subscribe/getSnapshot for useSyncExternalStore).
 */
export interface SessionState {
  /** 'loading' until the first answer; 'error' when the server could not be asked (offline, 5xx) */
  status: 'loading' | 'ready' | 'error';
  session: SessionResponse | null;
  /**
   * what the login page should explain: 'expired' — the server refused a request of a signed-in session (expired,
   * logged out elsewhere); 'display_rejected' — a wall screen's `?display=` token was unknown or revoked
   */
  notice: SessionNotice | null;
  error: unknown;
}

export type SessionNotice = 'expired' | 'display_rejected';

type Listener = () => void;
const listeners = new Set<Listener>();
let state: SessionState = { status: 'loading', session: null, notice: null, error: null };
let inflight: Promise<SessionResponse> | null = null;
/** the first question to the server was asked (by bootSession, or by the first view that needed the answer) */
let started = false;

function set(next: Partial<SessionState>): void {
  state = { ...state, ...next };
  for (const l of [...listeners]) l();
}

export const getSessionState = (): SessionState => state;

export function subscribeSession(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Roles that mean somebody signed in (an account or a wall-screen credential), not a passer-by. */
export const hasCredential = (s: SessionResponse | null): boolean => s !== null && s.role !== 'public' && s.role !== 'anonymous';

/** Asks the server again (idempotent while a request is on its way). */
export function loadSession(): Promise<SessionResponse> {
  inflight ??= fetchJson('/api/v1/session', sessionResponse)
    .then(
      (s) => {
        set({ status: 'ready', session: s, error: null });
        return s;
      },
      (err: unknown) => {
        set({ status: 'error', error: err });
        throw err;
      },
    )
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** First load of the page: a wall screen's `?display=<token>` is exchanged for its cookie before anything else. */
export async function bootSession(): Promise<SessionResponse> {
  started = true;
  if (typeof location !== 'undefined') {
    const url = new URL(location.href);
    const token = url.searchParams.get('display');
    if (token !== null) {
      // out of the address bar (and history) before anything can copy or log it
      url.searchParams.delete('display');
      history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
      try {
        await signInDisplay(token);
      } catch {
        // an unknown or revoked token: the page continues as whoever the cookie says (the login page if nobody)
        set({ notice: 'display_rejected' });
      }
    }
  }
  return loadSession();
}

/** Starts the first load unless one is running or done (views rendered without main.tsx: tests). */
export function ensureSession(): void {
  if (started) return;
  started = true;
  void loadSession().catch(() => undefined);
}

const signedIn = (s: SessionResponse): SessionResponse => {
  set({ status: 'ready', session: s, notice: null, error: null });
  return s;
};

/** POST /api/v1/session with an account's credentials; a wrong pair rejects with the server's 401. */
export async function signIn(username: string, password: string): Promise<SessionResponse> {
  return signedIn(await fetchJson('/api/v1/session', sessionResponse, { method: 'POST', body: { username: username.trim(), password } }));
}

/** POST /api/v1/session/demo — the demo role picker (the server answers 404 when demo login is off). */
export async function signInDemo(role: AccountRole, agencyId?: string): Promise<SessionResponse> {
  return signedIn(await fetchJson('/api/v1/session/demo', sessionResponse, { method: 'POST', body: agencyId ? { role, agencyId } : { role } }));
}

/** POST /api/v1/session/display — a wall screen's token becomes its (httpOnly) display session. */
export async function signInDisplay(token: string): Promise<SessionResponse> {
  return signedIn(await fetchJson('/api/v1/session/display', sessionResponse, { method: 'POST', body: { token: token.trim() } }));
}

/** DELETE /api/v1/session, then whatever the server now says we are (anonymous, or public on an open server). */
export async function signOut(): Promise<void> {
  try {
    await fetchNoContent('/api/v1/session', { method: 'DELETE' });
  } finally {
    set({ notice: null });
    await loadSession().catch(() => undefined);
  }
}

/** A 401 from any data endpoint: nobody is signed in any more (the gate then shows the login page). */
function onUnauthorized(path: string): void {
  // the sign-in endpoints answer 401 for a wrong password: that is the form's business, not an expiry
  if (path.startsWith('/api/v1/session')) return;
  const had = hasCredential(state.session);
  const demo = state.session?.demo ?? false;
  set({
    status: 'ready',
    session: { role: 'anonymous', user: null, agencyId: null, expiresAt: null, demo },
    // a wall screen's session ends when its token is revoked: say that, not "expired"
    notice: had ? (state.session?.role === 'display' ? 'display_rejected' : 'expired') : state.notice,
  });
}

setUnauthorizedHandler(onUnauthorized);

/** The login page showed its notice; a later visit starts clean. */
export function clearNotice(): void {
  if (state.notice !== null) set({ notice: null });
}

/** Tests: forget what the server said (the next view asks again). */
export function resetSessionForTests(): void {
  inflight = null;
  started = false;
  state = { status: 'loading', session: null, notice: null, error: null };
  for (const l of [...listeners]) l();
}
