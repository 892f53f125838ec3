// STUB — implemented by the lead next; signature is fixed.
import type { SummaryResponse } from '../contract/api';
import type { Report } from '../contract/report';

/** Start of the current Vietnam-local day and month, and the default period (this month). */
export function periodBounds(_now: Date): { dayStart: Date; monthStart: Date; nextMonthStart: Date } {
  throw new Error('not implemented');
}

/** The reference computation of the KPI summary over in-memory reports (MSW mock, and the oracle in tests). */
export function computeSummary(
  _reports: Iterable<Report>,
  _now: Date,
  _seq: number,
  _period?: { from?: string; to?: string },
): SummaryResponse {
  throw new Error('not implemented');
}
