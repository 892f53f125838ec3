/**
 * The operator token of this browser (interim sign-in until accounts arrive): kept in localStorage under the key
 * the report detail also reads, so signing in once makes every request an operator's. Outside React, with a
 * subscribe/getSnapshot pair for useSyncExternalStore.
 */
export const OPERATOR_TOKEN_KEY = 'paht.operatorToken';

type Listener = () => void;
const listeners = new Set<Listener>();

function read(): string | null {
  try {
    const t = localStorage.getItem(OPERATOR_TOKEN_KEY);
    return t && t.trim() !== '' ? t.trim() : null;
  } catch {
    // storage disabled (private mode, policy): nobody is signed in on this device
    return null;
  }
}

let token: string | null = typeof localStorage === 'undefined' ? null : read();

export function getOperatorToken(): string | null {
  return token;
}

export function setOperatorToken(next: string | null): void {
  const value = next && next.trim() !== '' ? next.trim() : null;
  try {
    if (value === null) localStorage.removeItem(OPERATOR_TOKEN_KEY);
    else localStorage.setItem(OPERATOR_TOKEN_KEY, value);
  } catch {
    // kept for this page only
  }
  if (value === token) return;
  token = value;
  for (const l of [...listeners]) l();
}

export function subscribeOperatorToken(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The Authorization header every API request carries once an operator signed in here. */
export function authHeader(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

// another tab signing in or out changes this one too
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== OPERATOR_TOKEN_KEY && e.key !== null) return;
    const next = read();
    if (next !== token) {
      token = next;
      for (const l of [...listeners]) l();
    }
  });
}
