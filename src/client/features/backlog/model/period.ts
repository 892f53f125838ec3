import { localDateOf, localDayStart } from '../../../../shared/domain/calendar';

export const PERIOD_PRESETS = ['today', 'last7', 'month', 'lastMonth', 'quarter', 'last90', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Inclusive Vietnam-local dates 'YYYY-MM-DD'. */
export interface LocalRange {
  fromDate: string;
  toDate: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isLocalDate = (s: string): boolean => {
  if (!DATE.test(s)) return false;
  try {
    localDayStart(s);
    return true;
  } catch {
    return false;
  }
};

const addDays = (date: string, n: number) => localDateOf(new Date(localDayStart(date).getTime() + n * 86_400_000 + 3_600_000));

/** The local dates a preset covers on the day `now` falls on (Vietnam time). */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, now: Date): LocalRange {
  const today = localDateOf(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthStart = (yy: number, mm: number) => `${yy}-${pad(mm)}-01`;
  switch (preset) {
    case 'today':
      return { fromDate: today, toDate: today };
    case 'last7':
      return { fromDate: addDays(today, -6), toDate: today };
    case 'last90':
      return { fromDate: addDays(today, -89), toDate: today };
    case 'month':
      return { fromDate: monthStart(y, m), toDate: addDays(m === 12 ? monthStart(y + 1, 1) : monthStart(y, m + 1), -1) };
    case 'lastMonth': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { fromDate: monthStart(py, pm), toDate: addDays(monthStart(y, m), -1) };
    }
    case 'quarter': {
      const q0 = Math.floor((m - 1) / 3) * 3 + 1;
      const next = q0 + 3 > 12 ? monthStart(y + 1, 1) : monthStart(y, q0 + 3);
      return { fromDate: monthStart(y, q0), toDate: addDays(next, -1) };
    }
  }
}

/** The API's half-open instants for inclusive local dates. */
export function rangeToQuery(r: LocalRange): { from: string; to: string } {
  return { from: localDayStart(r.fromDate).toISOString(), to: new Date(localDayStart(addDays(r.toDate, 1)).getTime()).toISOString() };
}
