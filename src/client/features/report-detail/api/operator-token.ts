/** Where a centre operator's token is kept on this device (until accounts and roles arrive). */
export const OPERATOR_TOKEN_KEY = 'paht.operatorToken';

/**
 * The operator token of this browser, if an operator signed in here; null for everyone else. Only a request
 * that carries it makes the server add the reporter's name and phone, so a viewer without it never receives
 * them — the client does not filter what it was sent, it never asks.
 */
export function operatorToken(): string | null {
  try {
    const t = sessionStorage.getItem(OPERATOR_TOKEN_KEY) ?? localStorage.getItem(OPERATOR_TOKEN_KEY);
    return t && t.trim() !== '' ? t.trim() : null;
  } catch {
    // storage can be disabled (private mode, policies): then this viewer is not an operator
    return null;
  }
}
