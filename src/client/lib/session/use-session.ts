import { useEffect, useState, useSyncExternalStore } from 'react';
import { sessionResponse } from '../../../shared/contract/session';
import type { SessionResponse } from '../../../shared/contract/session';
import { fetchJson } from '../api/http';
import { getOperatorToken, setOperatorToken, subscribeOperatorToken } from './session-store';

export type Role = SessionResponse['role'];

/** Asks the server what a token makes us (the server decides; the client only shows or hides controls). */
export function getSession(token: string | null, signal?: AbortSignal): Promise<SessionResponse> {
  // the token under test, not the stored one: signing in checks before storing
  return fetchJson('/api/v1/session', sessionResponse, { signal, headers: token ? { authorization: `Bearer ${token}` } : { authorization: '' } });
}

/**
 * Checks a token with the server and keeps it only when it is an operator's. Resolves with the role the server
 * gave it (a wrong token resolves 'public' and stores nothing).
 */
export async function signIn(token: string): Promise<Role> {
  const { role } = await getSession(token.trim());
  if (role === 'operator') setOperatorToken(token);
  return role;
}

export function signOut(): void {
  setOperatorToken(null);
}

export function useOperatorToken(): string | null {
  return useSyncExternalStore(subscribeOperatorToken, getOperatorToken, getOperatorToken);
}

export interface SessionState {
  /** 'checking' while the stored token is being confirmed with the server */
  role: Role | 'checking';
  token: string | null;
}

/**
 * The role of this browser: 'public' without a token; with one, what the server says about it (a token the
 * server no longer accepts — restarted with a new one — is dropped, so the operator sees they must sign in again).
 */
export function useSession(): SessionState {
  const token = useOperatorToken();
  const [checked, setChecked] = useState<{ token: string; role: Role } | null>(null);
  useEffect(() => {
    if (token === null) return;
    const ac = new AbortController();
    getSession(token, ac.signal).then(
      ({ role }) => {
        setChecked({ token, role });
        if (role !== 'operator') setOperatorToken(null);
      },
      () => {
        // the server is unreachable: keep the token, show operator controls; the server still decides on each call
        if (!ac.signal.aborted) setChecked({ token, role: 'operator' });
      },
    );
    return () => ac.abort();
  }, [token]);
  if (token === null) return { role: 'public', token: null };
  if (checked?.token !== token) return { role: 'checking', token };
  return { role: checked.role, token };
}
