import { HOLIDAYS_VN } from './holidays-vn';

/** Vietnam has one time zone, UTC+7, no daylight saving. */
export const VN_OFFSET_MINUTES = 420;

export interface HolidayYear {
  year: number;
  /** official days off that fall on weekdays or weekends, 'YYYY-MM-DD' (Vietnam local dates) */
  daysOff: string[];
  /** Saturdays/Sundays declared working days in exchange for a bridged day off */
  workingWeekends: string[];
  /** where the year's dates come from (decision / notice number), or 'provisional: …' */
  source: string;
}

/** A working period within a working day, local time 'HH:MM'. */
export interface WorkPeriod {
  start: string;
  end: string;
}

export interface WorkingCalendar {
  years: readonly HolidayYear[];
  periods: readonly WorkPeriod[];
}

/** Office hours of state agencies: morning and afternoon shifts. */
export const DEFAULT_WORK_PERIODS: readonly WorkPeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

const DAY_MS = 86_400_000;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
/** 1900-01-01, a Monday, as a day number: the origin for counting weekdays in whole weeks */
const MONDAY_ORIGIN = -25_567;
/** a calendar whose every day is off would make the due-date loops spin forever */
const MAX_IDLE_DAYS = 3_660;

// Day numbers (days since 1970-01-01 of the Vietnam-local date) keep the hot paths free of Date objects and
// of the machine's time zone. Civil conversions after H. Hinnant's "chrono-compatible low-level date algorithms".
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' local date; throws on a malformed or impossible date (e.g. 2023-02-30). */
export function parseLocalDate(localDate: string): number {
  const m = LOCAL_DATE.exec(localDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: '${localDate}'`);
  const day = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  if (formatDay(day) !== localDate) throw new RangeError(`no such date: '${localDate}'`);
  return day;
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return ms;
}

const localDayOfMs = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS);
/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day: number) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/** 'YYYY-MM-DD' of the instant in Vietnam local time. */
export function localDateOf(instant: Date): string {
  return formatDay(localDayOfMs(instantMs(instant)));
}

/** The instant a Vietnam-local date begins (00:00 UTC+7). */
export function localDayStart(localDate: string): Date {
  return new Date(parseLocalDate(localDate) * DAY_MS - OFFSET_MS);
}

interface Compiled {
  /** weekdays that are days off (a declared working weekend never counts here) */
  off: Set<number>;
  /** weekend days declared working */
  extra: Set<number>;
  offSorted: number[];
  extraSorted: number[];
  /** [start, end) pairs in ms after local midnight, sorted and disjoint */
  periods: { start: number; end: number }[];
  dayMs: number;
}

function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 24 || min > 59 || (h === 24 && min > 0)) throw new RangeError(`not a HH:MM time: '${hhmm}'`);
  return (h * 60 + min) * 60_000;
}

function compile(cal: WorkingCalendar): Compiled {
  const periods = cal.periods.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) }));
  let prevEnd = 0;
  for (const p of periods) {
    if (p.start >= p.end || p.start < prevEnd) throw new RangeError('working periods must be increasing and disjoint');
    prevEnd = p.end;
  }
  const extra = new Set<number>();
  for (const y of cal.years) for (const s of y.workingWeekends) {
    const day = parseLocalDate(s);
    if (isWeekend(day)) extra.add(day);
  }
  const off = new Set<number>();
  for (const y of cal.years) for (const s of y.daysOff) {
    const day = parseLocalDate(s);
    if (!isWeekend(day)) off.add(day);
  }
  // a weekday listed both ways stays working, like a declared working weekend does
  for (const y of cal.years) for (const s of y.workingWeekends) off.delete(parseLocalDate(s));
  return {
    off,
    extra,
    offSorted: [...off].sort((a, b) => a - b),
    extraSorted: [...extra].sort((a, b) => a - b),
    periods,
    dayMs: periods.reduce((sum, p) => sum + p.end - p.start, 0),
  };
}

// Calendars are compiled once and reused: the ingest path calls these per report, up to millions of times.
const compiledCache = new WeakMap<WorkingCalendar, Compiled>();
let lastCal: WorkingCalendar | null = null;
let lastCompiled: Compiled | null = null;

function compiled(cal: WorkingCalendar): Compiled {
  if (cal === lastCal && lastCompiled) return lastCompiled;
  let c = compiledCache.get(cal);
  if (!c) {
    c = compile(cal);
    compiledCache.set(cal, c);
  }
  lastCal = cal;
  lastCompiled = c;
  return c;
}

const working = (c: Compiled, day: number) => c.extra.has(day) || (!isWeekend(day) && !c.off.has(day));

/** how many elements of the sorted array are < x */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Working days in [MONDAY_ORIGIN, day): whole weeks give 5 each, then the days off and extra days are adjusted. */
function workingDaysBefore(c: Compiled, day: number): number {
  const n = day - MONDAY_ORIGIN;
  const weeks = Math.floor(n / 7);
  const weekdays = weeks * 5 + Math.min(n - weeks * 7, 5);
  return weekdays - countBelow(c.offSorted, day) + countBelow(c.extraSorted, day);
}

/** Working ms of one working day that lie before `msOfDay` (ms after local midnight). */
function workedBefore(c: Compiled, msOfDay: number): number {
  let sum = 0;
  for (const p of c.periods) {
    if (msOfDay <= p.start) break;
    sum += Math.min(msOfDay, p.end) - p.start;
  }
  return sum;
}

/** Working ms from a fixed origin to the instant: the difference of two of these is working time between them. */
function workingMsUpTo(c: Compiled, ms: number): number {
  const day = localDayOfMs(ms);
  const base = workingDaysBefore(c, day) * c.dayMs;
  return working(c, day) ? base + workedBefore(c, ms + OFFSET_MS - day * DAY_MS) : base;
}

export function isWorkingDay(localDate: string, cal: WorkingCalendar = defaultCalendar): boolean {
  return working(compiled(cal), parseLocalDate(localDate));
}

/**
 * Due instant for an SLA of `days` working days from `from`: counting starts on the first working day after
 * `from`'s local date; the due instant is the end (23:59:59.999 local) of the `days`-th working day.
 * `days` = 0 gives the end of `from`'s own local date.
 */
export function addWorkingDays(from: Date, days: number, cal: WorkingCalendar = defaultCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${days}`);
  const c = compiled(cal);
  let day = localDayOfMs(instantMs(from));
  let left = days;
  let idle = 0;
  while (left > 0) {
    day++;
    if (working(c, day)) {
      left--;
      idle = 0;
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new RangeError('the calendar has no working day for ten years');
    }
  }
  return new Date((day + 1) * DAY_MS - OFFSET_MS - 1);
}

/**
 * Due instant for an SLA of `hours` working hours from `from`, counting only time inside working periods.
 * A result that uses up a period exactly is that period's end (e.g. 11:30), not the start of the next one.
 */
export function addWorkingHours(from: Date, hours: number, cal: WorkingCalendar = defaultCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be ≥ 0, got ${hours}`);
  const fromMs = instantMs(from);
  let left = Math.round(hours * 3_600_000);
  if (left === 0) return new Date(fromMs);
  const c = compiled(cal);
  if (c.dayMs === 0) throw new RangeError('the calendar has no working periods');
  let day = localDayOfMs(fromMs);
  let msOfDay = fromMs + OFFSET_MS - day * DAY_MS;
  let idle = 0;
  for (;;) {
    if (working(c, day)) {
      idle = 0;
      for (const p of c.periods) {
        if (msOfDay >= p.end) continue;
        const start = Math.max(msOfDay, p.start);
        const available = p.end - start;
        if (left <= available) return new Date(day * DAY_MS + start + left - OFFSET_MS);
        left -= available;
        msOfDay = p.end;
      }
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new RangeError('the calendar has no working day for ten years');
    }
    day++;
    msOfDay = 0;
  }
}

/** Whole working days after `from`'s local date up to and including `to`'s local date (0 when to ≤ from). */
export function workingDaysBetween(from: Date, to: Date, cal: WorkingCalendar = defaultCalendar): number {
  const a = localDayOfMs(instantMs(from));
  const b = localDayOfMs(instantMs(to));
  if (b <= a) return 0;
  const c = compiled(cal);
  return workingDaysBefore(c, b + 1) - workingDaysBefore(c, a + 1);
}

/** Working time (ms inside working periods) between two instants; negative when to < from. */
export function workingMsBetween(from: Date, to: Date, cal: WorkingCalendar = defaultCalendar): number {
  const c = compiled(cal);
  return workingMsUpTo(c, instantMs(to)) - workingMsUpTo(c, instantMs(from));
}

/** Working ms in one full working day of the calendar (7.5 h with the default periods). */
export function workingDayMs(cal: WorkingCalendar = defaultCalendar): number {
  return compiled(cal).dayMs;
}

/** Official days off 2018–2027 (see holidays-vn.ts); outside those years only weekends are days off. */
export const defaultCalendar: WorkingCalendar = { years: HOLIDAYS_VN, periods: DEFAULT_WORK_PERIODS };
