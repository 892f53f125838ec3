import { describe, expect, it } from 'vitest';
import { addDays, isLocalDate, lastLocalDate, presetRange, toInstants } from './period';

describe('period presets (Vietnam time)', () => {
  // 2024-03-31 23:30 in Huế is still March there, though it is already 31/03 16:30 UTC
  const lateMarch = new Date('2024-03-31T16:30:00Z');
  // 2024-04-01 00:30 in Huế, 31/03 17:30 UTC: April has begun locally
  const earlyApril = new Date('2024-03-31T17:30:00Z');

  it('month, last month, quarter and year to date follow the local calendar', () => {
    expect(presetRange('this_month', lateMarch)).toEqual({ fromDate: '2024-03-01', toDate: '2024-03-31' });
    expect(presetRange('this_month', earlyApril)).toEqual({ fromDate: '2024-04-01', toDate: '2024-04-01' });
    expect(presetRange('last_month', earlyApril)).toEqual({ fromDate: '2024-03-01', toDate: '2024-03-31' });
    expect(presetRange('last_month', new Date('2024-01-15T05:00:00Z'))).toEqual({ fromDate: '2023-12-01', toDate: '2023-12-31' });
    expect(presetRange('last_month', new Date('2024-03-15T05:00:00Z'))).toEqual({ fromDate: '2024-02-01', toDate: '2024-02-29' });
    expect(presetRange('this_quarter', lateMarch)).toEqual({ fromDate: '2024-01-01', toDate: '2024-03-31' });
    expect(presetRange('this_quarter', earlyApril)).toEqual({ fromDate: '2024-04-01', toDate: '2024-04-01' });
    expect(presetRange('ytd', new Date('2024-11-20T05:00:00Z'))).toEqual({ fromDate: '2024-01-01', toDate: '2024-11-20' });
  });

  it('turns local dates into the half-open instant range the API takes, and back', () => {
    const r = toInstants({ fromDate: '2024-03-01', toDate: '2024-03-31' });
    expect(r).toEqual({ from: '2024-02-29T17:00:00.000Z', to: '2024-03-31T17:00:00.000Z' });
    expect(lastLocalDate(r.to)).toBe('2024-03-31');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('accepts only real dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-2-01')).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });
});
