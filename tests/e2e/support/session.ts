import type { Page } from 'playwright-core';
import type { AccountRole, SessionResponse } from '../../../src/shared/contract/session';

/**
 * Signs the page in as a role through the demo endpoint (POST /api/v1/session/demo, on with DEMO_LOGIN=1 — the
 * startServer default), from inside the page, so the browser holds the httpOnly session cookie exactly as after
 * the login page's demo picker. The page must already be on the app's origin (any page of it, /login is cheapest);
 * navigate afterwards — the SPA reads the session on load.
 */
export async function signIn(page: Page, role: AccountRole, agencyId?: string): Promise<SessionResponse> {
  if (!/^https?:/.test(page.url())) throw new Error('signIn: open a page of the app first (e.g. /login)');
  const res = await page.evaluate(
    async ([r, a]) => {
      const response = await fetch('/api/v1/session/demo', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(a ? { role: r, agencyId: a } : { role: r }),
      });
      return { status: response.status, body: await response.text() };
    },
    [role, agencyId] as const,
  );
  if (res.status !== 200) throw new Error(`demo sign-in as ${role} failed: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as SessionResponse;
}

/** DELETE /api/v1/session from inside the page (the cookie goes with it). */
export async function signOut(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/v1/session', { method: 'DELETE' })).status);
}
