// STUB — implemented by the lead next; signature is fixed.
import type { ReportFilter } from '../contract/api';
import type { Report } from '../contract/report';

/** The reference semantics of ReportFilter (the SQL store must agree; the MSW mock uses this directly). */
export function matchesFilter(_r: Report, _f: ReportFilter, _now: Date): boolean {
  throw new Error('not implemented');
}
/** List order: newest receivedAt first, then id descending. */
export function compareForList(a: Report, b: Report): number {
  return b.receivedAt < a.receivedAt ? -1 : b.receivedAt > a.receivedAt ? 1 : b.id - a.id;
}
