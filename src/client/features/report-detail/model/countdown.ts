import { defaultCalendar, workingDayMs, workingMsBetween } from '../../../../shared/domain/calendar';
import type { WorkingCalendar } from '../../../../shared/domain/calendar';

export interface Countdown {
  /** true when `now` is past the due instant */
  overdue: boolean;
  /** whole working days of the working time between now and the due instant */
  days: number;
  /** whole working hours beyond the days */
  hours: number;
  /** whole working minutes beyond the hours (shown only under an hour) */
  minutes: number;
  /** the working time itself, ms */
  workingMs: number;
}

/**
 * The time to (or past) a due date counted in WORKING time, as the SLA is: a report due Monday evening seen on
 * Friday afternoon has about one working day left, not three calendar days. A working day is the calendar's
 * working periods (7.5 h), so "2 ngày 3 giờ" means 2 × 7.5 h + 3 h of working time.
 */
export function countdownTo(dueAt: Date, now: Date, cal: WorkingCalendar = defaultCalendar): Countdown {
  const overdue = now.getTime() > dueAt.getTime();
  const workingMs = overdue ? workingMsBetween(dueAt, now, cal) : workingMsBetween(now, dueAt, cal);
  const day = workingDayMs(cal);
  const days = Math.floor(workingMs / day);
  const rest = workingMs - days * day;
  const hours = Math.floor(rest / 3_600_000);
  const minutes = Math.floor((rest - hours * 3_600_000) / 60_000);
  return { overdue, days, hours, minutes, workingMs };
}
