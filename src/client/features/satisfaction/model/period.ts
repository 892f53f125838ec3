import { localDateOf, localDayStart } from '../../../../shared/domain/calendar';

export const PRESETS = ['this_month', 'last_month', 'this_quarter', 'last_quarter', 'this_year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** Local dates (Vietnam), both inclusive. */
export interface DateRange {
  fromDate: string;
  toDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

/**
 * A preset's dates at `now`. Whole months and quarters: a running month is compared with the previous period of
 * the same length (the API does that), so "this month" stops at today.
 */
export function presetRange(p: Exclude<Preset, 'custom'>, now: Date): DateRange {
  const today = localDateOf(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q0 = Math.floor((m - 1) / 3) * 3 + 1;
  switch (p) {
    case 'this_month':
      return { fromDate: ymd(y, m, 1), toDate: today };
    case 'last_month':
      return { fromDate: ymd(y, m - 1, 1), toDate: ymd(y, m, 0) };
    case 'this_quarter':
      return { fromDate: ymd(y, q0, 1), toDate: today };
    case 'last_quarter':
      return { fromDate: ymd(y, q0 - 3, 1), toDate: ymd(y, q0, 0) };
    case 'this_year':
      return { fromDate: ymd(y, 1, 1), toDate: today };
  }
}

/** [first day 00:00, the day after the last 00:00) Vietnam time, as the API takes periods. */
export function toInstants(r: DateRange): { from: string; to: string } {
  const [y, m, d] = r.toDate.split('-').map(Number) as [number, number, number];
  return { from: localDayStart(r.fromDate).toISOString(), to: localDayStart(ymd(y, m, d + 1)).toISOString() };
}

export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
