import type { ReportFilter } from '../contract/api';
import type { Report } from '../contract/report';
import { foldText } from './text';
import { isOverdue } from './timeliness';

/** The text a report is searched by (folded: no diacritics, lower case). */
export function searchTextOf(r: Pick<Report, 'title' | 'description' | 'address'>): string {
  return foldText(`${r.title} ${r.description} ${r.address}`);
}

/** Search terms of `q`: folded, split on white space. Every term must occur. */
export function searchTerms(q: string): string[] {
  return foldText(q).split(' ').filter(Boolean);
}

/** The reference semantics of ReportFilter (the SQL store must agree; the MSW mock uses this directly). */
export function matchesFilter(r: Report, f: ReportFilter, now: Date): boolean {
  if (f.status && !f.status.includes(r.status)) return false;
  if (f.agencyId !== undefined && r.agencyId !== f.agencyId) return false;
  if (f.categoryId !== undefined && r.categoryId !== f.categoryId) return false;
  if (f.districtCode !== undefined && r.districtCode !== f.districtCode) return false;
  if (f.wardCode !== undefined && r.wardCode !== f.wardCode) return false;
  if (f.overdue !== undefined && isOverdue(r, now) !== f.overdue) return false;
  const received = Date.parse(r.receivedAt);
  if (f.from !== undefined && received < Date.parse(f.from)) return false;
  if (f.to !== undefined && received >= Date.parse(f.to)) return false;
  if (f.q !== undefined) {
    const text = searchTextOf(r);
    if (!searchTerms(f.q).every((t) => text.includes(t))) return false;
  }
  return true;
}

/** List order: newest receivedAt first, then id descending. */
export function compareForList(a: Report, b: Report): number {
  return b.receivedAt < a.receivedAt ? -1 : b.receivedAt > a.receivedAt ? 1 : b.id - a.id;
}
