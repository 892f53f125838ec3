import type { Report } from '../../src/shared/contract/report';

/*
 * Brute-force oracles for the statistics tests, written from the definitions (DOMAIN.md, decision 0002, the
 * contract's doc comments) without the shared/domain/stats or timeliness code the endpoints use.
 */

export const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
export const inRange = (iso: string | null, from: string, to: string) => {
  const v = ms(iso);
  return v !== null && v >= Date.parse(from) && v < Date.parse(to);
};

/** pending / overdue (open), on_time / late_extended / late (resolved), not_applicable (rejected) */
export function judged(r: Report, now: Date): string {
  if (r.status === 'rejected') return 'not_applicable';
  const due = ms(r.dueAt);
  if (r.status !== 'resolved') return due !== null && now.getTime() > due ? 'overdue' : 'pending';
  const original = ms(r.originalDueAt) ?? due;
  if (original === null) return 'on_time';
  const done = ms(r.resolvedAt) as number;
  if (done <= original) return 'on_time';
  return done <= (due ?? original) ? 'late_extended' : 'late';
}

export interface Figures {
  received: number;
  qualified: number;
  rejected: number;
  resolved: number;
  onTime: number;
  lateExtended: number;
  late: number;
  rated: number;
  satisfied: number;
}

export function bruteFigures(reports: readonly Report[], from: string, to: string, now: Date): Figures {
  const received = reports.filter((r) => inRange(r.receivedAt, from, to));
  const resolved = reports.filter((r) => r.status === 'resolved' && inRange(r.resolvedAt, from, to));
  const rated = reports.filter((r) => r.rating !== null && inRange(r.ratedAt, from, to));
  return {
    received: received.length,
    qualified: received.filter((r) => ['assigned', 'in_progress', 'resolved', 'reopened'].includes(r.status)).length,
    rejected: received.filter((r) => r.status === 'rejected').length,
    resolved: resolved.length,
    onTime: resolved.filter((r) => judged(r, now) === 'on_time').length,
    lateExtended: resolved.filter((r) => judged(r, now) === 'late_extended').length,
    late: resolved.filter((r) => judged(r, now) === 'late').length,
    rated: rated.length,
    satisfied: rated.filter((r) => r.rating === 'satisfied' || r.rating === 'acceptable').length,
  };
}

export const overdueNow = (reports: readonly Report[], now: Date) => reports.filter((r) => judged(r, now) === 'overdue').length;

/** Vietnam-local wall-clock parts of an instant (UTC+7, no daylight saving). */
export function localParts(iso: string) {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  return { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), weekday: d.getUTCDay(), date: d.getUTCDate() };
}

export const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
