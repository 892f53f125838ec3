import { localDateOf, localDayStart } from '../../../../shared/domain/calendar';

/** The period presets leadership asks for; "custom" takes two local dates. */
export const PRESETS = ['this_month', 'last_month', 'this_quarter', 'ytd', 'custom'] as const;
export type PresetId = (typeof PRESETS)[number];

/** A period as local dates, both inclusive ('YYYY-MM-DD', Vietnam time). */
export interface LocalRange {
  fromDate: string;
  toDate: string;
}

/** The same period as the API takes it: instants [from, to). */
export interface InstantRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => {
  // Date.UTC normalises overflowing months and days (month 0 of next year, day 0 = last day of previous month)
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Adds days to a local date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return ymd(y, m, d + days);
}

/**
 * The local dates of a preset at `now`. Periods that contain today end today (month, quarter or year to date):
 * comparing a whole previous month with a half-finished one would read as a collapse.
 */
export function presetRange(preset: Exclude<PresetId, 'custom'>, now: Date): LocalRange {
  const today = localDateOf(now);
  const [y, m] = parts(today);
  switch (preset) {
    case 'this_month':
      return { fromDate: ymd(y, m, 1), toDate: today };
    case 'last_month':
      return { fromDate: ymd(y, m - 1, 1), toDate: ymd(y, m, 0) };
    case 'this_quarter':
      return { fromDate: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), toDate: today };
    case 'ytd':
      return { fromDate: ymd(y, 1, 1), toDate: today };
  }
}

/** [first day 00:00, day after the last 00:00) in Vietnam time. */
export function toInstants(r: LocalRange): InstantRange {
  return { from: localDayStart(r.fromDate).toISOString(), to: localDayStart(addDays(r.toDate, 1)).toISOString() };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A well-formed local date that exists (2024-02-30 does not). */
export function isLocalDate(s: string | null | undefined): s is string {
  if (!s || !DATE.test(s)) return false;
  const [y, m, d] = parts(s);
  return ymd(y, m, d) === s;
}

/** The last local date a half-open instant range covers (`to` is exclusive). */
export function lastLocalDate(toIso: string): string {
  return localDateOf(new Date(Date.parse(toIso) - 1));
}

/** An instant inside a local date (its noon), for formatting the date with the display formatters. */
export const localNoon = (date: string) => `${date}T12:00:00+07:00`;
