import agenciesJson from '../data/agencies.json';
import type { AgeingBucket, BacklogBucket } from '../contract/backlog-filter';
import { openStatuses } from '../contract/common';
import type { AgencyKind } from '../contract/common';
import type { Report } from '../contract/report';
import { addWorkingHours, defaultCalendar, VN_OFFSET_MINUTES, workingDayMs, workingDaysBetween } from './calendar';
import type { WorkingCalendar } from './calendar';
import { isDueSoon, isOverdue, timelinessOf } from './timeliness';

const DAY_MS = 86_400_000;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

/** Vietnam-local day number (days since 1970-01-01 local) of an instant: the rollups' `day`. */
export const localDayOfMs = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS);
/** The instant a local day number begins (00:00 +07:00). */
export const dayStartMs = (day: number): number => day * DAY_MS - OFFSET_MS;

/** Month index (year × 12 + month − 1) of a local day number (its UTC date is the local date). */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The local day number a month index begins on. */
export const monthStartDay = (month: number): number => Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS);

export type BucketInput = Pick<Report, 'status' | 'dueAt' | 'originalDueAt' | 'resolvedAt'>;

const isOpen = (r: Pick<Report, 'status'>) => openStatuses.includes(r.status);

/**
 * Whether a report is in a backlog figure, whatever the period (the period is a separate filter on receivedAt
 * or resolvedAt). Open-and-overdue and resolved-late are different buckets; an open report not yet due is
 * never late.
 */
export function inBucket(r: BucketInput, bucket: BacklogBucket, now: Date, cal: WorkingCalendar = defaultCalendar): boolean {
  switch (bucket) {
    case 'received':
      return true;
    case 'rejected':
      return r.status === 'rejected';
    case 'open':
      return isOpen(r);
    case 'in_progress':
      return r.status === 'in_progress';
    case 'due_soon':
      return isDueSoon(r, now, cal);
    case 'overdue':
      return isOverdue(r, now);
    case 'resolved':
      return r.status === 'resolved';
    case 'on_time':
    case 'late_extended':
    case 'late':
      return r.status === 'resolved' && timelinessOf(r, now) === bucket;
  }
}

/**
 * Whole working days an overdue report is past its due date: the working days after the due date's local day
 * up to and including today (decision 0002's counting). 0 on the non-working days right after a due date.
 */
export function overdueWorkingDays(dueAt: string, now: Date, cal: WorkingCalendar = defaultCalendar): number {
  return workingDaysBetween(new Date(dueAt), now, cal);
}

/** Upper bounds (inclusive) of the ageing buckets in working days past due; the last bucket is open-ended. */
export const AGEING_LIMITS: readonly { bucket: AgeingBucket; maxDays: number }[] = [
  { bucket: '1-3', maxDays: 3 },
  { bucket: '4-7', maxDays: 7 },
  { bucket: '8-15', maxDays: 15 },
  { bucket: '16+', maxDays: Number.POSITIVE_INFINITY },
];

export function ageingOfDays(days: number): AgeingBucket {
  for (const l of AGEING_LIMITS) if (days <= l.maxDays) return l.bucket;
  return '16+';
}

/** The ageing bucket of an overdue report, null when it is not overdue. */
export function ageingOf(r: BucketInput, now: Date, cal: WorkingCalendar = defaultCalendar): AgeingBucket | null {
  if (!isOverdue(r, now) || r.dueAt === null) return null;
  return ageingOfDays(overdueWorkingDays(r.dueAt, now, cal));
}

/**
 * For SQL: the earliest instant a due date may have and still be at most `maxDays` working days past due at
 * `now` (the count depends only on the due date's local day, and falls as the due date moves later), so
 * `overdueWorkingDays(d) ≤ maxDays ⇔ d ≥ ageingFloor(maxDays)`.
 */
export function ageingFloorMs(maxDays: number, now: Date, cal: WorkingCalendar = defaultCalendar): number {
  const today = localDayOfMs(now.getTime());
  let day = today;
  // step back one local day at a time while the count stays within the limit (a few weeks at most)
  for (let guard = 0; guard < 4000; guard++) {
    const earlier = day - 1;
    if (workingDaysBetween(new Date(dayStartMs(earlier)), now, cal) > maxDays) break;
    day = earlier;
  }
  return dayStartMs(day);
}

/**
 * For SQL: the latest due date that is still "due within one working day" at `now` (shared/domain/timeliness
 * isDueSoon), so an open report is due soon ⇔ now ≤ dueAt ≤ dueSoonLimit. Working time to a due date never
 * falls as the due date moves later, so the set is an interval; its end is one working day after now, pushed to
 * the start of the next working period when that lands on a period's end (nothing is worked in between).
 */
export function dueSoonLimitMs(now: Date, cal: WorkingCalendar = defaultCalendar): number {
  const oneDay = addWorkingHours(now, workingDayMs(cal) / 3_600_000, cal);
  // the first instant after which working time grows again: 1 working ms later, less that 1 ms
  return addWorkingHours(oneDay, 1 / 3_600_000, cal).getTime() - 1;
}

const kindById = new Map<string, AgencyKind>((agenciesJson as { id: string; kind: AgencyKind }[]).map((a) => [a.id, a.kind]));

/** The kind of a handling unit from the shipped reference data (the store loads the same list). */
export function agencyKindOf(agencyId: string | null): AgencyKind | null {
  return agencyId === null ? null : (kindById.get(agencyId) ?? null);
}

/** The backlog fields of a ReportFilter (bucket, ageing, agencyKind, agencyIds, hasAgency), as matchesFilter applies them. */
export function matchesBacklogFilter(
  r: Report,
  f: { bucket?: BacklogBucket; ageing?: AgeingBucket; agencyKind?: AgencyKind; agencyIds?: string[]; hasAgency?: boolean },
  now: Date,
): boolean {
  if (f.bucket !== undefined && !inBucket(r, f.bucket, now)) return false;
  if (f.ageing !== undefined && ageingOf(r, now) !== f.ageing) return false;
  if (f.agencyKind !== undefined && agencyKindOf(r.agencyId) !== f.agencyKind) return false;
  if (f.agencyIds !== undefined && (r.agencyId === null || !f.agencyIds.includes(r.agencyId))) return false;
  if (f.hasAgency !== undefined && (r.agencyId !== null) !== f.hasAgency) return false;
  return true;
}
