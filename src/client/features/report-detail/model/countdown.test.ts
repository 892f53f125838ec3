import { describe, expect, it } from 'vitest';
import { countdownTo } from './countdown';

// Vietnam is UTC+7: 07:30–11:30 and 13:30–17:00 local are 00:30–04:30 and 06:30–10:00 UTC
const at = (s: string) => new Date(s);

describe('working-time countdown', () => {
  it('counts only working periods of working days', () => {
    // Friday 15 March 2024, 16:00 local; due Monday 18 March 23:59:59.999 local
    const c = countdownTo(at('2024-03-18T16:59:59.999Z'), at('2024-03-15T09:00:00.000Z'));
    // Friday 16:00–17:00 (1 h) + all of Monday (7.5 h) = 8.5 h = 1 day 1 h
    expect(c).toMatchObject({ overdue: false, days: 1, hours: 1, minutes: 0 });
    expect(c.workingMs).toBe(8.5 * 3_600_000);
  });

  it('skips the weekend and holidays when late', () => {
    // due Friday 26 April 2024 end of day; now Friday 3 May 10:00 local — 29/4 (bridge), 30/4 and 1/5 are days off in 2024
    const c = countdownTo(at('2024-04-26T16:59:59.999Z'), at('2024-05-03T03:00:00.000Z'));
    // Thursday 2/5 (7.5 h) + Friday 3/5 07:30–10:00 (2.5 h) = 10 h = 1 day 2 h 30 min
    expect(c).toMatchObject({ overdue: true, days: 1, hours: 2, minutes: 30 });
  });

  it('is zero working time at night just after an end-of-day deadline', () => {
    const c = countdownTo(at('2024-03-15T16:59:59.999Z'), at('2024-03-15T20:00:00.000Z'));
    expect(c).toMatchObject({ overdue: true, days: 0, hours: 0, minutes: 0 });
  });
});
