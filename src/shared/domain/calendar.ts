// STUB — to be implemented (helper "domain"). Signatures are the contract other modules code against.
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

/** 'YYYY-MM-DD' of the instant in Vietnam local time. */
export function localDateOf(_instant: Date): string {
  throw new Error('not implemented');
}
export function isWorkingDay(_localDate: string, _cal?: WorkingCalendar): boolean {
  throw new Error('not implemented');
}
/**
 * Due instant for an SLA of `days` working days from `from`: counting starts on the first working day after
 * `from`'s local date; the due instant is the end (23:59:59.999 local) of the `days`-th working day.
 */
export function addWorkingDays(_from: Date, _days: number, _cal?: WorkingCalendar): Date {
  throw new Error('not implemented');
}
/** Due instant for an SLA of `hours` working hours from `from`, counting only time inside working periods. */
export function addWorkingHours(_from: Date, _hours: number, _cal?: WorkingCalendar): Date {
  throw new Error('not implemented');
}
/** Whole working days after `from`'s local date up to and including `to`'s local date (0 when to ≤ from). */
export function workingDaysBetween(_from: Date, _to: Date, _cal?: WorkingCalendar): number {
  throw new Error('not implemented');
}
/** Working time (ms inside working periods) between two instants; negative when to < from. */
export function workingMsBetween(_from: Date, _to: Date, _cal?: WorkingCalendar): number {
  throw new Error('not implemented');
}
export declare const defaultCalendar: WorkingCalendar;
