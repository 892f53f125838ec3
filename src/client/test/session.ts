import type { AccountRole, SessionResponse } from '../../shared/contract/session';
import { signInDemo, signOut } from '../lib/session/session-store';

/**
 * Component tests sign in the way the demo does: POST /api/v1/session/demo to the mock, which keeps the page's one
 * session (its emulated cookie) — every later request of the test is that role's.
 */
export function signInAs(role: AccountRole, agencyId?: string): Promise<SessionResponse> {
  return signInDemo(role, agencyId);
}

/** DELETE /api/v1/session: back to a visitor (public on the tests' open mock). */
export function signOutAfterTest(): Promise<void> {
  return signOut();
}
