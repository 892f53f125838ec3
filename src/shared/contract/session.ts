import { z } from 'zod';

/** a handling unit's id as in GET /api/v1/meta */
const agencyId = z.string().min(1).max(64);

/**
 * Who may see and do what (issue 6, docs/decisions/0011). Account roles:
 * - operator: centre staff — everything, reporter identities, reminders;
 * - leader: provincial leadership — every statistic and report, no reporter identities;
 * - home_affairs: rankings, finalising quarters, exports; no identities;
 * - unit_head: scoped to one unit (`agencyId`) — its own reports in full, everyone's public rankings; no identities;
 * - display: a wall-screen credential — read-only live views, no identities, long-lived, revocable.
 * Caller kinds without an account: `public` (anonymous visitors when the server runs with PUBLIC_VIEW=1: the
 * read-only views a display gets) and `anonymous` (everything else: sign-in only).
 */
export const ACCOUNT_ROLES = ['operator', 'leader', 'home_affairs', 'unit_head', 'display'] as const;
export const accountRole = z.enum(ACCOUNT_ROLES);
export type AccountRole = z.infer<typeof accountRole>;

export const CALLER_ROLES = [...ACCOUNT_ROLES, 'public', 'anonymous'] as const;
export const callerRole = z.enum(CALLER_ROLES);
export type CallerRole = z.infer<typeof callerRole>;

/** GET /api/v1/session (and the answer of a successful sign-in): the caller as the server sees it. */
export const sessionResponse = z.object({
  role: callerRole,
  /** the signed-in account; null for display tokens, bearer tokens, public and anonymous callers */
  user: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  /** the unit a unit_head is scoped to; null otherwise */
  agencyId: agencyId.nullable(),
  /** when the session ends unless renewed (ISO instant); null when there is no cookie session */
  expiresAt: z.string().nullable(),
  /** true when the server offers the demo role picker (POST /api/v1/session/demo) — never in production */
  demo: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** POST /api/v1/session: sign in with an account; sets the httpOnly session cookie. 401 on bad credentials. */
export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** POST /api/v1/session/display: exchange a wall-screen display token for a display session cookie. */
export const displayLoginRequest = z.strictObject({ token: z.string().min(16).max(256) });
export type DisplayLoginRequest = z.infer<typeof displayLoginRequest>;

/** POST /api/v1/session/demo (demo mode only, 404 otherwise): the clearly labelled role picker. */
export const demoLoginRequest = z.strictObject({
  role: accountRole,
  /** required for unit_head, refused for every other role */
  agencyId: agencyId.optional(),
});
export type DemoLoginRequest = z.infer<typeof demoLoginRequest>;
