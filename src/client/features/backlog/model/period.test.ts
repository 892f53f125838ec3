import { describe, expect, it } from 'vitest';
import { presetRange, rangeToQuery } from './period';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('period presets (Vietnam-local dates)', () => {
  it('this month, last month, quarter, the last 7 and 90 days', () => {
    // 00:30 on 1 March in Huế is still 29 February in UTC
    const now = vn('2024-03-01T00:30:00');
    expect(presetRange('today', now)).toEqual({ fromDate: '2024-03-01', toDate: '2024-03-01' });
    expect(presetRange('month', now)).toEqual({ fromDate: '2024-03-01', toDate: '2024-03-31' });
    expect(presetRange('lastMonth', now)).toEqual({ fromDate: '2024-02-01', toDate: '2024-02-29' });
    expect(presetRange('quarter', now)).toEqual({ fromDate: '2024-01-01', toDate: '2024-03-31' });
    expect(presetRange('last7', now)).toEqual({ fromDate: '2024-02-24', toDate: '2024-03-01' });
    expect(presetRange('last90', vn('2024-12-31T23:00:00'))).toEqual({ fromDate: '2024-10-03', toDate: '2024-12-31' });
    expect(presetRange('lastMonth', vn('2025-01-15T12:00:00'))).toEqual({ fromDate: '2024-12-01', toDate: '2024-12-31' });
    expect(presetRange('quarter', vn('2024-11-15T12:00:00'))).toEqual({ fromDate: '2024-10-01', toDate: '2024-12-31' });
  });

  it('inclusive local dates become the API half-open instants', () => {
    expect(rangeToQuery({ fromDate: '2024-03-01', toDate: '2024-03-31' })).toEqual({ from: '2024-02-29T17:00:00.000Z', to: '2024-03-31T17:00:00.000Z' });
  });
});
