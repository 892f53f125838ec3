import { z } from 'zod';
import { isoInstant } from './common';
import { MAX_PERIOD_DAYS, statsDimensions } from './stats';

const DAY_MS = 86_400_000;
/** The most member ids one hotspot lists (the `ids` drill-down filter takes as many). */
export const MAX_HOTSPOT_IDS = 500;

/**
 * Repeat hotspots in [from, to): reports of the same category linked when they are within `radius` metres
 * and `windowDays` days of each other; a hotspot is a linked group of at least `minCount` reports
 * (algorithm: shared/domain/hotspots.ts). Rejected reports are left out.
 */
export const hotspotsQuery = statsDimensions
  .extend({
    from: isoInstant,
    to: isoInstant,
    radius: z.coerce.number().int().min(10).max(1000).default(50),
    minCount: z.coerce.number().int().min(2).max(1000).default(3),
    windowDays: z.coerce.number().int().min(1).max(3660).default(60),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .superRefine((v, ctx) => {
    const span = Date.parse(v.to) - Date.parse(v.from);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > MAX_PERIOD_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may span at most ${MAX_PERIOD_DAYS} days` });
  });
export type HotspotsQuery = z.infer<typeof hotspotsQuery>;

export const hotspot = z.object({
  /** `<categoryId>:<smallest member id>`: stable while the group keeps its oldest member */
  id: z.string(),
  categoryId: z.string(),
  /** centroid of the members */
  lat: z.number(),
  lng: z.number(),
  /** farthest member from the centroid, metres */
  extentMetres: z.number().nonnegative(),
  count: z.number().int().positive(),
  firstAt: isoInstant,
  lastAt: isoInstant,
  /** members received after another member had been resolved: the problem came back after a fix */
  recurrences: z.number().int().nonnegative(),
  /** members still waiting on the centre or a unit */
  open: z.number().int().nonnegative(),
  /** address, ward and district of the most recent member */
  address: z.string(),
  wardCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  /** member ids, newest first (at most MAX_HOTSPOT_IDS): drill down with `ids=` */
  reportIds: z.array(z.number().int().positive()).max(MAX_HOTSPOT_IDS),
});
export type Hotspot = z.infer<typeof hotspot>;

export const hotspotsResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  from: isoInstant,
  to: isoInstant,
  radius: z.number().int(),
  minCount: z.number().int(),
  windowDays: z.number().int(),
  /** reports considered (in the period, matching the filters, not rejected) */
  scanned: z.number().int().nonnegative(),
  /** hotspots found; `items` holds the first `limit` of them */
  total: z.number().int().nonnegative(),
  items: z.array(hotspot),
});
export type HotspotsResponse = z.infer<typeof hotspotsResponse>;
