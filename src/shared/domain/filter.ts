import type { ReportFilter } from '../contract/api';
import type { Report } from '../contract/report';
import { matchesBacklogFilter } from './rollup-buckets';
import { foldText } from './text';
import { isOverdue, timelinessOf } from './timeliness';

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
  if (f.ids !== undefined && !f.ids.includes(r.id)) return false;
  if (!instantWithin(r.resolvedAt, f.resolvedFrom, f.resolvedTo)) return false;
  if (!instantWithin(r.dueAt, f.dueFrom, f.dueTo)) return false;
  if (!instantWithin(r.ratedAt, f.ratedFrom, f.ratedTo)) return false;
  if (f.timeliness !== undefined && !f.timeliness.includes(timelinessOf(r, now))) return false;
  if (f.rating !== undefined && (r.rating === null || !f.rating.includes(r.rating))) return false;
  if (!matchesBacklogFilter(r, f, now)) return false;
  return true;
}

/** [from, to) on an optional instant: with either bound given, a report without the instant never matches. */
function instantWithin(iso: string | null, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  if (iso === null) return false;
  const t = Date.parse(iso);
  return (from === undefined || t >= Date.parse(from)) && (to === undefined || t < Date.parse(to));
}

/** List order: newest receivedAt first, then id descending. */
export function compareForList(a: Report, b: Report): number {
  return b.receivedAt < a.receivedAt ? -1 : b.receivedAt > a.receivedAt ? 1 : b.id - a.id;
}
