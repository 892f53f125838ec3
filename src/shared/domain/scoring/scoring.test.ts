import { describe, expect, it } from 'vitest';
import type { Agency } from '../../contract/meta';
import type { ScoringConfig } from '../../contract/rankings';
import { computeQuarter } from './compute';
import { badgesOf, scoreOf, scoringConfigFromEnv } from './formula';
import { quarterBounds, quarterOf, previousQuarter } from './quarter';
import type { ScoringEvent } from './report-history';

/** Vietnam-local wall time → UTC ISO ("2026-07-06 10:00" is 03:00Z). */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();

let seq = 0;
/** One report's history, as the event log would hold it (only the fields scoring reads). */
function report(id: number, steps: [ScoringEvent['type'], string, Record<string, unknown>?][]): ScoringEvent[] {
  return steps.map(([type, at, data = {}]) => ({ seq: ++seq, type, reportId: id, at: vn(at), data: { ...data } }));
}
const created = (at: string, dueLocal: string): [ScoringEvent['type'], string, Record<string, unknown>] => [
  'created',
  at,
  { dueAt: vn(dueLocal), sla: { mode: 'routine', amount: 7, unit: 'working_days', source: 'category', categoryId: 'c', from: vn(at) } },
];

const A: Agency = { id: 'a', name: 'Đơn vị A', shortName: 'A', kind: 'department', districtCode: null, parentId: null };
const B: Agency = { id: 'b', name: 'Đơn vị B', shortName: 'B', kind: 'department', districtCode: null, parentId: null };
const C: Agency = { id: 'c', name: 'Đơn vị C', shortName: 'C', kind: 'commune_pc', districtCode: null, parentId: null };
const ONE: ScoringConfig = { weights: { onTime: 0.4, satisfaction: 0.3, handling: 0.2, interaction: 0.1 }, minVolume: 1 };
const AFTER_Q3 = new Date(vn('2026-11-30 10:00'));

function q3(reports: ScoringEvent[][], agencies: Agency[] = [A, B, C], config: ScoringConfig = ONE, now = AFTER_Q3) {
  return computeQuarter({ quarter: '2026-Q3', now, eventsByReport: reports, agencies, config, previous: null });
}
const unit = (c: ReturnType<typeof q3>, id: string) => {
  const u = c.units.find((x) => x.agencyId === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
};
const counts = (u: ReturnType<typeof unit>) =>
  Object.fromEntries(Object.entries(u.components).map(([k, v]) => [k, `${v.numerator}/${v.denominator}`]));

describe('quarters (Vietnam local time)', () => {
  it('2026-Q3 runs from 01/07 00:00 to 01/10 00:00 at UTC+7', () => {
    const b = quarterBounds('2026-Q3');
    expect(b.from.toISOString()).toBe('2026-06-30T17:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(quarterOf(new Date('2026-09-30T16:59:59.999Z'))).toBe('2026-Q3');
    expect(quarterOf(new Date('2026-09-30T17:00:00.000Z'))).toBe('2026-Q4');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
  });
});

describe('score formula', () => {
  it('renormalises the weights over the components that have a rate (no rated reports)', () => {
    // by hand: on time 3/4 = 0.75, handling 4/5 = 0.8, interaction 1/2 = 0.5, nothing rated;
    // (0.4·0.75 + 0.2·0.8 + 0.1·0.5) / (0.4 + 0.2 + 0.1) = 0.51 / 0.7 = 0.728571… → 72.86
    const r = scoreOf(
      { onTime: { numerator: 3, denominator: 4 }, satisfaction: { numerator: 0, denominator: 0 }, handling: { numerator: 4, denominator: 5 }, interaction: { numerator: 1, denominator: 2 } },
      ONE.weights,
    );
    expect(r.score).toBe(72.86);
    expect(r.components.satisfaction.rate).toBeNull();
    expect(r.components.satisfaction.effectiveWeight).toBe(0);
    expect(r.components.onTime.effectiveWeight).toBeCloseTo(0.4 / 0.7, 12);
  });

  it('has no score when no component has a rate', () => {
    const zero = { numerator: 0, denominator: 0 };
    expect(scoreOf({ onTime: zero, satisfaction: zero, handling: zero, interaction: zero }, ONE.weights).score).toBeNull();
  });

  it('badges: on time strictly above 75 %, satisfaction from 70 % up', () => {
    const fig = (n: number, d: number) => ({ numerator: n, denominator: d, rate: n / d, effectiveWeight: 0.25 });
    const base = { handling: fig(1, 1), interaction: fig(1, 1) };
    expect(badgesOf({ ...base, onTime: fig(3, 4), satisfaction: fig(7, 10) })).toEqual({ onTime: false, satisfaction: true });
    expect(badgesOf({ ...base, onTime: fig(76, 100), satisfaction: fig(69, 100) })).toEqual({ onTime: true, satisfaction: false });
  });

  it('reads weights and minimum volume from the environment, naming the bad variable', () => {
    expect(scoringConfigFromEnv({ SCORE_WEIGHTS: '{"onTime":1}', SCORE_MIN_VOLUME: '5' })).toEqual({
      weights: { onTime: 1, satisfaction: 0.3, handling: 0.2, interaction: 0.1 },
      minVolume: 5,
    });
    expect(() => scoringConfigFromEnv({ SCORE_WEIGHTS: 'heavy' })).toThrow(/SCORE_WEIGHTS/);
    expect(() => scoringConfigFromEnv({ SCORE_WEIGHTS: '{"onTime":-1}' })).toThrow(/SCORE_WEIGHTS\.onTime/);
    expect(() => scoringConfigFromEnv({ SCORE_WEIGHTS: '{"speed":1}' })).toThrow(/SCORE_WEIGHTS/);
    expect(() => scoringConfigFromEnv({ SCORE_MIN_VOLUME: '0' })).toThrow(/SCORE_MIN_VOLUME/);
    expect(() => scoringConfigFromEnv({ SCORE_WEIGHTS: '{"onTime":0,"satisfaction":0,"handling":0,"interaction":0}' })).toThrow(/SCORE_WEIGHTS/);
  });
});

describe('quarterly components on hand-worked histories', () => {
  it('counts a report resolved late with an extension as resolved but not on time, and never overdue', () => {
    const r = report(1, [
      created('2026-07-01 09:00', '2026-07-10 23:59'),
      ['assigned', '2026-07-01 10:00', { agencyId: 'a' }],
      ['extended', '2026-07-08 10:00', { dueAt: vn('2026-07-20 23:59') }],
      ['resolved', '2026-07-15 10:00'],
    ]);
    const c = q3([r]);
    expect(counts(unit(c, 'a'))).toEqual({ onTime: '0/1', satisfaction: '0/0', handling: '1/1', interaction: '0/0' });
    expect(c.tallies.get('a')?.items.onTime[0]).toMatchObject({ reportId: 1, timeliness: 'late_extended', counted: false });
    // seen from inside the quarter, before the resolution: the extension keeps it out of "overdue"
    const mid = q3([r], [A], ONE, new Date(vn('2026-07-14 10:00')));
    expect(counts(unit(mid, 'a'))).toMatchObject({ onTime: '0/0', handling: '0/1' });
  });

  it('excludes open reports that are not yet due, leaving the unit with no score and unranked', () => {
    const open = [2, 3, 4].map((id) =>
      report(id, [created('2026-09-25 09:00', '2026-10-06 23:59'), ['assigned', '2026-09-25 10:00', { agencyId: 'a' }], ['started', '2026-09-26 08:00']]),
    );
    const u = unit(q3(open), 'a');
    expect(counts(u)).toEqual({ onTime: '0/0', satisfaction: '0/0', handling: '0/0', interaction: '0/0' });
    expect(u.volume).toBe(0);
    expect(u.score).toBeNull();
    expect(u).toMatchObject({ ranked: false, notRanked: 'too_few_reports', rank: null });
  });

  it('has no satisfaction rate when nothing was rated, and the score uses the other components', () => {
    const r = report(5, [created('2026-07-01 09:00', '2026-07-10 23:59'), ['assigned', '2026-07-01 10:00', { agencyId: 'a' }], ['resolved', '2026-07-03 10:00']]);
    const u = unit(q3([r]), 'a');
    expect(u.components.satisfaction.rate).toBeNull();
    // on time 1/1 and handling 1/1, interaction none: 100 points
    expect(u.score).toBe(100);
  });

  it('judges a reopened report round by round: dispute answered in time, old rating voided, second round late', () => {
    const r = report(6, [
      created('2026-07-01 09:00', '2026-07-10 23:59'),
      ['assigned', '2026-07-01 10:00', { agencyId: 'a' }],
      ['resolved', '2026-07-03 10:00'],
      ['rated', '2026-07-06 09:00', { rating: 'unsatisfied' }],
      // Tuesday: the unit must answer by the end of Thursday 09/07
      ['reopened', '2026-07-07 09:00', { secondReport: true, dueAt: vn('2026-07-16 23:59') }],
      ['started', '2026-07-09 16:00'],
      ['resolved', '2026-07-20 10:00'],
    ]);
    const c = q3([r]);
    expect(counts(unit(c, 'a'))).toEqual({ onTime: '1/2', satisfaction: '0/0', handling: '2/2', interaction: '1/1' });
    const items = c.tallies.get('a')?.items;
    expect(items?.onTime.map((i) => [i.round, i.timeliness])).toEqual([
      [1, 'on_time'],
      [2, 'late'],
    ]);
    expect(items?.interaction[0]).toMatchObject({ outcome: 'answered_in_time', disputeAt: vn('2026-07-07 09:00') });
    expect(items?.interaction[0]?.deadline).toBe(new Date('2026-07-09T23:59:59.999+07:00').toISOString());
  });

  it('counts an open overdue report in every quarter it stays open, and an event after the quarter does not change it', () => {
    const r = report(7, [
      created('2026-08-03 09:00', '2026-08-12 23:59'),
      ['assigned', '2026-08-03 10:00', { agencyId: 'b' }],
      ['resolved', '2026-10-05 10:00'],
    ]);
    expect(counts(unit(q3([r]), 'b'))).toMatchObject({ onTime: '0/1', handling: '0/1' });
    expect(q3([r]).tallies.get('b')?.items.onTime[0]).toMatchObject({ outcome: 'overdue', at: '2026-09-30T17:00:00.000Z' });
    const q4 = computeQuarter({ quarter: '2026-Q4', now: AFTER_Q3, eventsByReport: [r], agencies: [B], config: ONE, previous: null });
    // resolved (late) in Q4; its deadline was in Q3, so not in Q4's handling
    expect(counts(unit(q4, 'b'))).toMatchObject({ onTime: '0/1', handling: '0/0' });
  });

  it('credits the unit that resolved a transferred report', () => {
    const r = report(8, [
      created('2026-07-01 09:00', '2026-07-10 23:59'),
      ['assigned', '2026-07-01 10:00', { agencyId: 'a' }],
      ['transferred', '2026-07-02 10:00', { agencyId: 'b', fromAgencyId: 'a' }],
      ['resolved', '2026-07-06 10:00'],
      ['rated', '2026-07-07 10:00', { rating: 'acceptable' }],
    ]);
    const c = q3([r]);
    expect(counts(unit(c, 'a'))).toEqual({ onTime: '0/0', satisfaction: '0/0', handling: '0/0', interaction: '0/0' });
    expect(counts(unit(c, 'b'))).toEqual({ onTime: '1/1', satisfaction: '1/1', handling: '1/1', interaction: '0/0' });
  });

  it('keeps a rating given in the quarter even when the report is reopened after the quarter ended', () => {
    const r = report(9, [
      created('2026-09-01 09:00', '2026-09-10 23:59'),
      ['assigned', '2026-09-01 10:00', { agencyId: 'a' }],
      ['resolved', '2026-09-04 10:00'],
      ['rated', '2026-09-29 10:00', { rating: 'satisfied' }],
      ['reopened', '2026-10-02 10:00', { secondReport: false, dueAt: vn('2026-10-13 23:59') }],
    ]);
    expect(counts(unit(q3([r]), 'a'))).toMatchObject({ satisfaction: '1/1' });
  });

  it('places an unanswered dispute in the quarter its 2 working days run out', () => {
    const r = report(10, [
      created('2026-09-01 09:00', '2026-09-10 23:59'),
      ['assigned', '2026-09-01 10:00', { agencyId: 'c' }],
      ['resolved', '2026-09-04 10:00'],
      // Wednesday 30/09: 2 working days end on Friday 02/10, in Q4
      ['commented', '2026-09-30 10:00', { author: 'citizen', text: 'Vẫn chưa xử lý' }],
      ['commented', '2026-09-30 11:00', { author: 'centre', text: 'Đã chuyển đơn vị' }],
    ]);
    expect(counts(unit(q3([r]), 'c'))).toMatchObject({ interaction: '0/0' });
    const q4 = computeQuarter({ quarter: '2026-Q4', now: AFTER_Q3, eventsByReport: [r], agencies: [C], config: ONE, previous: null });
    expect(counts(unit(q4, 'c'))).toMatchObject({ interaction: '0/1' });
    expect(q4.tallies.get('c')?.items.interaction[0]).toMatchObject({ outcome: 'unanswered', at: new Date('2026-10-02T23:59:59.999+07:00').toISOString() });
  });

  it('leaves reports still with the centre (or rejected) to no unit', () => {
    const waiting = report(11, [created('2026-07-01 09:00', '2026-07-10 23:59')]);
    const rejected = report(12, [created('2026-07-01 09:00', '2026-07-10 23:59'), ['rejected', '2026-07-01 11:00', { reason: 'trùng' }]]);
    const c = q3([waiting, rejected]);
    expect(c.units.every((u) => u.volume === 0)).toBe(true);
  });
});

describe('ranking', () => {
  /** `n` reports for `agency`, `onTime` of them resolved in time and the rest late, each rated `rating`. */
  function unitReports(agency: string, n: number, onTime: number, rating: 'satisfied' | 'unsatisfied' = 'satisfied', firstId = 1000): ScoringEvent[][] {
    return Array.from({ length: n }, (_, i) =>
      report(firstId + i, [
        created('2026-07-01 09:00', '2026-07-10 23:59'),
        ['assigned', '2026-07-01 10:00', { agencyId: agency }],
        ['resolved', i < onTime ? '2026-07-06 10:00' : '2026-07-14 10:00'],
        ['rated', '2026-07-15 10:00', { rating }],
      ]),
    );
  }
  const MIN10: ScoringConfig = { ...ONE, minVolume: 10 };

  it('never ranks a unit below the minimum volume, even with a perfect score', () => {
    const c = q3([...unitReports('a', 9, 9, 'satisfied', 100), ...unitReports('b', 10, 8, 'satisfied', 200)], [A, B], MIN10);
    const a = unit(c, 'a');
    const b = unit(c, 'b');
    expect(a.score).toBe(100);
    expect(a).toMatchObject({ ranked: false, notRanked: 'too_few_reports', rank: null, groupRank: null });
    expect(b).toMatchObject({ ranked: true, rank: 1, groupRank: 1 });
    // ranked units first, then the unranked
    expect(c.units.map((u) => u.agencyId)).toEqual(['b', 'a']);
  });

  it('breaks an equal score by the on-time rate, and gives fully equal units the same rank', () => {
    // weights only on handling: every unit scores 100; then on-time rate decides
    const cfg: ScoringConfig = { weights: { onTime: 0, satisfaction: 0, handling: 1, interaction: 0 }, minVolume: 1 };
    const c = q3([...unitReports('a', 4, 2, 'satisfied', 300), ...unitReports('b', 4, 3, 'satisfied', 400), ...unitReports('c', 4, 3, 'satisfied', 500)], [A, B, C], cfg);
    expect(c.units.map((u) => [u.agencyId, u.score, u.rank])).toEqual([
      ['b', 100, 1],
      ['c', 100, 1],
      ['a', 100, 3],
    ]);
    // groups rank separately: a and b are departments, c a commune People's Committee
    expect([unit(c, 'b').groupRank, unit(c, 'a').groupRank, unit(c, 'c').groupRank]).toEqual([1, 2, 1]);
  });

  it('reports the rank change against the previous quarter', () => {
    const reports = [...unitReports('a', 4, 4, 'satisfied', 600), ...unitReports('b', 4, 1, 'unsatisfied', 700)];
    const c = computeQuarter({
      quarter: '2026-Q3',
      now: AFTER_Q3,
      eventsByReport: reports,
      agencies: [A, B],
      config: ONE,
      previous: { rank: new Map([['a', 2], ['b', 1]]), groupRank: new Map([['a', 2], ['b', 1]]) },
    });
    expect(unit(c, 'a')).toMatchObject({ rank: 1, previousRank: 2, rankChange: 1, groupRankChange: 1 });
    expect(unit(c, 'b')).toMatchObject({ rank: 2, previousRank: 1, rankChange: -1 });
  });
});
