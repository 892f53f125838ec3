import { z } from 'zod';
import { envFlag as flag } from '../env-flag';

/** What the accounts layer reads from the environment (config.ts spreads `authEnvShape` into its schema). */
export interface AuthConfig {
  /** PUBLIC_VIEW=1: visitors without credentials get the read-only views a wall display gets (role `public`) */
  publicView: boolean;
  /** DEMO_LOGIN=1: POST /api/v1/session/demo (the labelled role picker) is offered; defaults to DEMO */
  demoLogin: boolean;
  /** a signed-in session ends this many hours after the sign-in (display sessions: when their token is revoked) */
  sessionTtlHours: number;
  /** COOKIE_SECURE=1: the session cookie is sent over HTTPS only (set it behind a TLS proxy) */
  cookieSecure: boolean;
}

/** Environment variables of the accounts layer; an empty variable means the default (as in config.ts). */
export const authEnvShape = {
  PUBLIC_VIEW: flag.default(false),
  // unset: follows DEMO (plain `npm start` offers the picker; a production run with DEMO=0 does not)
  DEMO_LOGIN: flag.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  COOKIE_SECURE: flag.default(false),
};

export function authConfigOf(e: { PUBLIC_VIEW: boolean; DEMO_LOGIN?: boolean; SESSION_TTL_HOURS: number; COOKIE_SECURE: boolean; DEMO: boolean }): AuthConfig {
  return { publicView: e.PUBLIC_VIEW, demoLogin: e.DEMO_LOGIN ?? e.DEMO, sessionTtlHours: e.SESSION_TTL_HOURS, cookieSecure: e.COOKIE_SECURE };
}

/** createApp's defaults when the caller passes none: closed (no public view, no demo picker). */
export const DEFAULT_AUTH: AuthConfig = { publicView: false, demoLogin: false, sessionTtlHours: 12, cookieSecure: false };
