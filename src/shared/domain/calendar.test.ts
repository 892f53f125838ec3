import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  defaultCalendar,
  isWorkingDay,
  localDateOf,
  localDayStart,
  parseLocalDate,
  workingDayMs,
  workingDaysBetween,
  workingMsBetween,
} from './calendar';
import type { WorkingCalendar } from './calendar';

/** An instant given as Vietnam local time, 'YYYY-MM-DD HH:MM[:SS.mmm]'. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}+07:00`);
const endOfDay = (localDate: string) => vn(`${localDate} 23:59:59.999`);
const HOUR = 3_600_000;

describe('localDateOf', () => {
  it('reads the date in UTC+7 whatever the machine zone', () => {
    expect(localDateOf(new Date('2024-03-07T16:59:59.999Z'))).toBe('2024-03-07');
    expect(localDateOf(new Date('2024-03-07T17:00:00.000Z'))).toBe('2024-03-08');
    expect(localDateOf(new Date('2023-12-31T17:00:00Z'))).toBe('2024-01-01');
    expect(localDateOf(new Date('2024-02-28T20:00:00Z'))).toBe('2024-02-29');
  });
  it('refuses an invalid Date', () => {
    expect(() => localDateOf(new Date('nope'))).toThrow(RangeError);
  });
  it('localDayStart is local midnight', () => {
    expect(localDayStart('2024-01-01').toISOString()).toBe('2023-12-31T17:00:00.000Z');
  });
  it('parseLocalDate refuses impossible dates', () => {
    expect(() => parseLocalDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseLocalDate('2023-2-1')).toThrow(RangeError);
    expect(parseLocalDate('1970-01-02')).toBe(1);
  });
});

describe('isWorkingDay', () => {
  it('follows weekdays, days off and declared working Saturdays', () => {
    expect(isWorkingDay('2024-03-08')).toBe(true); // Friday
    expect(isWorkingDay('2024-03-09')).toBe(false); // Saturday
    expect(isWorkingDay('2024-03-10')).toBe(false); // Sunday
    expect(isWorkingDay('2024-02-12')).toBe(false); // Tết
    expect(isWorkingDay('2024-04-29')).toBe(false); // bridged Monday
    expect(isWorkingDay('2024-05-04')).toBe(true); // Saturday worked in exchange
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-05-02')).toBe(false);
    expect(isWorkingDay('2023-05-03')).toBe(false); // compensatory day
    expect(isWorkingDay('2019-01-05')).toBe(true);
  });
  it('uses a given calendar instead of the default', () => {
    const bare: WorkingCalendar = { years: [], periods: defaultCalendar.periods };
    expect(isWorkingDay('2024-04-29', bare)).toBe(true);
    expect(isWorkingDay('2024-05-04', bare)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('skips the Tết 2023 break: received on Tết eve, 27/01 is day 1, due 06/02', () => {
    expect(addWorkingDays(vn('2023-01-21 10:00'), 7).getTime()).toBe(endOfDay('2023-02-06').getTime());
  });
  it('counts across a weekend: Thursday 07/03/2024 + 7 → Monday 18/03', () => {
    // Fri 8 (1), Mon 11 (2) … Fri 15 (6), Mon 18 (7)
    expect(addWorkingDays(vn('2024-03-07 09:00'), 7).toISOString()).toBe(endOfDay('2024-03-18').toISOString());
  });
  it('counts from the local date, not the UTC one', () => {
    // 17:30Z Thursday is 00:30 Friday in Huế: counting starts on Monday
    expect(addWorkingDays(new Date('2024-03-07T17:30:00Z'), 7).toISOString()).toBe('2024-03-19T16:59:59.999Z');
  });
  it('crosses 30/4–1/5/2024: bridged Monday off, Saturday 04/05 worked', () => {
    // Fri 26/4 (1); 27/4–1/5 off; Thu 2/5 (2), Fri 3/5 (3), Sat 4/5 (4), Mon 6 (5), Tue 7 (6), Wed 8 (7)
    expect(addWorkingDays(vn('2024-04-25 14:00'), 7).getTime()).toBe(endOfDay('2024-05-08').getTime());
  });
  it('crosses 30/4–1/5/2025: Saturday 26/04 worked, Friday 02/05 off', () => {
    // Fri 25/4 (1), Sat 26/4 (2), Mon 28 (3), Tue 29 (4); 30/4–4/5 off; Mon 5/5 (5), Tue 6 (6), Wed 7 (7)
    expect(addWorkingDays(vn('2025-04-24 08:00'), 7).getTime()).toBe(endOfDay('2025-05-07').getTime());
  });
  it('crosses 29/04–03/05/2023, made of compensatory days', () => {
    // Thu 4/5 (1), Fri 5 (2), Mon 8 (3) … Fri 12 (7)
    expect(addWorkingDays(vn('2023-04-28 16:00'), 7).getTime()).toBe(endOfDay('2023-05-12').getTime());
  });
  it('gives the end of the same local day for 0 and refuses bad amounts', () => {
    expect(addWorkingDays(vn('2024-03-09 10:00'), 0).getTime()).toBe(endOfDay('2024-03-09').getTime());
    expect(() => addWorkingDays(vn('2024-03-09 10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(vn('2024-03-09 10:00'), 1.5)).toThrow(RangeError);
  });
  it('stops on a calendar with no working day instead of looping', () => {
    const never: WorkingCalendar = {
      years: [{ year: 2024, daysOff: [], workingWeekends: [], source: 'test' }],
      periods: [{ start: '08:00', end: '09:00' }],
    };
    const allOff = { ...never, years: [{ ...never.years[0]!, daysOff: Array.from({ length: 5000 }, (_, i) => localDateOf(new Date(Date.UTC(2024, 0, 1 + i)))) }] };
    expect(() => addWorkingDays(vn('2024-01-01 00:00'), 1, allOff)).toThrow(RangeError);
  });
});

describe('addWorkingHours', () => {
  it('8 h from Friday 16:00: 1 h on Friday, 7 h on Monday → Monday 16:30', () => {
    expect(addWorkingHours(vn('2024-03-08 16:00'), 8).getTime()).toBe(vn('2024-03-11 16:30').getTime());
  });
  it('8 h from 11:00 skips the lunch break and ends exactly at 11:30 next day', () => {
    // 11:00–11:30 + 13:30–17:00 = 4 h; 07:30–11:30 the next day = 4 h
    expect(addWorkingHours(vn('2024-03-12 11:00'), 8).getTime()).toBe(vn('2024-03-13 11:30').getTime());
  });
  it('8 h from Saturday starts on Monday morning → Tuesday 08:00', () => {
    expect(addWorkingHours(vn('2024-03-09 10:00'), 8).getTime()).toBe(vn('2024-03-12 08:00').getTime());
  });
  it('skips a holiday: Wednesday 17/04/2024 15:00 + 8 h, Giỗ Tổ Thursday off → Friday 15:30', () => {
    expect(addWorkingHours(vn('2024-04-17 15:00'), 8).getTime()).toBe(vn('2024-04-19 15:30').getTime());
  });
  it('counts a working Saturday', () => {
    // Fri 03/05/2024 16:00: 1 h, then Saturday 04/05 is worked
    expect(addWorkingHours(vn('2024-05-03 16:00'), 2).getTime()).toBe(vn('2024-05-04 08:30').getTime());
  });
  it('starts at opening time before office hours and after lunch from the lunch break', () => {
    expect(addWorkingHours(vn('2024-03-11 06:00'), 1).getTime()).toBe(vn('2024-03-11 08:30').getTime());
    expect(addWorkingHours(vn('2024-03-11 12:00'), 1).getTime()).toBe(vn('2024-03-11 14:30').getTime());
    expect(addWorkingHours(vn('2024-03-11 17:30'), 0.5).getTime()).toBe(vn('2024-03-12 08:00').getTime());
  });
  it('returns the same instant for 0 h and refuses negative hours', () => {
    const t = vn('2024-03-09 10:00');
    expect(addWorkingHours(t, 0).getTime()).toBe(t.getTime());
    expect(() => addWorkingHours(t, -1)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
  it('follows the periods of a given calendar', () => {
    const mornings: WorkingCalendar = { years: [], periods: [{ start: '08:00', end: '12:00' }] };
    expect(addWorkingHours(vn('2024-03-11 08:00'), 8, mornings).getTime()).toBe(vn('2024-03-12 12:00').getTime());
    expect(() => addWorkingHours(vn('2024-03-11 08:00'), 1, { years: [], periods: [{ start: '12:00', end: '08:00' }] })).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween(vn('2024-03-07 09:00'), vn('2024-03-18 08:00'))).toBe(7);
    expect(workingDaysBetween(vn('2024-03-07 09:00'), vn('2024-03-07 16:00'))).toBe(0);
    expect(workingDaysBetween(vn('2024-03-18 09:00'), vn('2024-03-07 09:00'))).toBe(0);
    expect(workingDaysBetween(vn('2024-03-08 09:00'), vn('2024-03-10 09:00'))).toBe(0); // weekend only
  });
  it('skips Tết 2023: Thursday 19/01 → Tuesday 31/01 is 3 working days', () => {
    expect(workingDaysBetween(vn('2023-01-19 09:00'), vn('2023-01-31 09:00'))).toBe(3);
  });
  it('2024 has 251 working days: 262 weekdays − 12 days off + 1 working Saturday', () => {
    expect(workingDaysBetween(vn('2023-12-31 12:00'), vn('2024-12-31 12:00'))).toBe(251);
  });
});

describe('workingMsBetween', () => {
  it('measures only time inside working periods', () => {
    expect(workingMsBetween(vn('2024-03-08 16:00'), vn('2024-03-11 16:30'))).toBe(8 * HOUR);
    expect(workingMsBetween(vn('2024-03-11 12:00'), vn('2024-03-11 13:00'))).toBe(0);
    expect(workingMsBetween(vn('2024-03-09 08:00'), vn('2024-03-10 16:00'))).toBe(0);
    expect(workingMsBetween(vn('2024-04-17 15:00'), vn('2024-04-19 15:30'))).toBe(8 * HOUR);
    expect(workingMsBetween(vn('2024-03-11 00:00'), vn('2024-03-12 00:00'))).toBe(workingDayMs());
  });
  it('is negative when to < from', () => {
    expect(workingMsBetween(vn('2024-03-11 16:30'), vn('2024-03-08 16:00'))).toBe(-8 * HOUR);
  });
  it('a full working day is 7.5 h by default', () => {
    expect(workingDayMs()).toBe(7.5 * HOUR);
  });
});

describe('calendar properties', () => {
  const instant = fc
    .date({ min: new Date('2017-12-01T00:00:00Z'), max: new Date('2027-11-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => new Date(d.getTime()));
  const DAY = 86_400_000;
  const OFFSET = 7 * HOUR;

  it('addWorkingDays lands on the last millisecond of a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(from, n);
        expect((due.getTime() + 1 + OFFSET) % DAY).toBe(0);
        expect(isWorkingDay(localDateOf(due))).toBe(true);
      }),
    );
  });
  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (from, n) => {
        expect(addWorkingDays(from, n + 1).getTime()).toBeGreaterThan(addWorkingDays(from, n).getTime());
      }),
    );
  });
  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (from, n) => {
        expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
      }),
    );
  });
  it('workingDaysBetween agrees with counting day by day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 120 }), (from, span) => {
        const to = new Date(from.getTime() + span * DAY);
        let naive = 0;
        for (let t = from.getTime() + DAY; localDateOf(new Date(t)) <= localDateOf(to); t += DAY) {
          if (isWorkingDay(localDateOf(new Date(t)))) naive++;
        }
        expect(workingDaysBetween(from, to)).toBe(naive);
      }),
    );
  });
  it('addWorkingHours ends inside or at the end of a working period of a working day', () => {
    const periods = [
      [7.5 * HOUR, 11.5 * HOUR],
      [13.5 * HOUR, 17 * HOUR],
    ] as const;
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 200 }), (from, quarterHours) => {
        const due = addWorkingHours(from, quarterHours / 4);
        const msOfDay = (due.getTime() + OFFSET) % DAY;
        expect(isWorkingDay(localDateOf(due))).toBe(true);
        expect(periods.some(([s, e]) => msOfDay > s && msOfDay <= e)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(from.getTime());
      }),
    );
  });
  it('workingMsBetween measures back exactly what addWorkingHours added', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 }), (from, minutes) => {
        expect(workingMsBetween(from, addWorkingHours(from, minutes / 60))).toBe(minutes * 60_000);
      }),
    );
  });
  it('workingMsBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(workingMsBetween(a, b) + workingMsBetween(b, c)).toBe(workingMsBetween(a, c));
        expect(workingMsBetween(b, a) + workingMsBetween(a, b)).toBe(0);
      }),
    );
  });
});
