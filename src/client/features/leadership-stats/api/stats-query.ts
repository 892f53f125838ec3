import type { QueryValue } from '../../../lib/api/http';

/** The dimensions every statistics request carries (the API's statsDimensions). */
export interface StatsDims {
  categoryId?: string;
  districtCode?: string;
  agencyId?: string;
}

export interface StatsPeriodQuery extends StatsDims {
  from: string;
  to: string;
}

export const toQuery = (q: object): Record<string, QueryValue> => q as Record<string, QueryValue>;

/** Aggregates change with every event but nobody reads them to the second: at most one refetch per 5 s. */
export const STATS_THROTTLE_MS = 5_000;
/** "overdue now" moves with the clock alone */
export const STATS_POLL_MS = 60_000;
