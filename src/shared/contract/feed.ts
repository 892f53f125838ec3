import { z } from 'zod';
import { isoInstant } from './common';
import { liveEvent } from './event';
import { report } from './report';

/** The feed keeps at most this many items on screen; the backfill never sends more. */
export const MAX_FEED = 200;

/** `GET /api/v1/events?limit=50[&before=<seq>]`: the newest events, newest first. */
export const feedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_FEED).default(50),
  /** only events with seq < before: the next older page */
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type FeedQuery = z.infer<typeof feedQuery>;

export const feedResponse = z.object({
  /** newest first; each with its report's current public fields (never reporter identity) */
  items: z.array(liveEvent),
  /** the log head when the page was read: the stream continues after it */
  seq: z.number().int().nonnegative(),
});
export type FeedResponse = z.infer<typeof feedResponse>;

export const MAX_DUE_SOON = 1000;
/** At most a month ahead: the set is meant for timers on the screen, not for planning. */
export const MAX_DUE_WINDOW_MS = 31 * 86_400_000;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "90m", "24h", "2d", or a bare number of hours. */
export const dueWindow = z
  .string()
  .trim()
  .regex(/^[0-9]{1,5}(\.[0-9]+)?\s*[mhd]?$/i, 'must be a duration like 90m, 24h or 2d')
  .transform((s) => {
    const unit = (s.at(-1)?.toLowerCase() ?? 'h') as keyof typeof UNIT_MS;
    const amount = Number.parseFloat(s);
    return amount * (unit in UNIT_MS ? UNIT_MS[unit] : UNIT_MS.h);
  })
  .refine((ms) => ms >= 60_000 && ms <= MAX_DUE_WINDOW_MS, 'must be between 1 minute and 31 days');

/** `GET /api/v1/reports/due-soon?within=24h&limit=200`: open reports that become overdue within the window. */
export const dueSoonQuery = z.object({
  within: dueWindow.default(24 * UNIT_MS.h),
  limit: z.coerce.number().int().min(1).max(MAX_DUE_SOON).default(200),
});
export type DueSoonQuery = z.infer<typeof dueSoonQuery>;

export const dueSoonResponse = z.object({
  /** open reports with asOf < dueAt ≤ until, soonest first */
  items: z.array(report),
  seq: z.number().int().nonnegative(),
  /** the server's clock when the set was read: a report due after it that is already past due turned overdue since */
  asOf: isoInstant,
  /**
   * the set is complete up to this instant: asOf + within, or the last item's due date when the limit cut the
   * list short (then `truncated`); the client fetches again when its clock reaches it
   */
  until: isoInstant,
  truncated: z.boolean(),
});
export type DueSoonResponse = z.infer<typeof dueSoonResponse>;
