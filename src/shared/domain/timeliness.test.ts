import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '../contract/common';
import { isDueSoon, isOverdue, mapStateOf, timelinessOf } from './timeliness';
import type { MapStateInput } from './timeliness';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}+07:00`);
const iso = (local: string) => vn(local).toISOString();

const DUE = iso('2024-03-18 23:59:59.999');
const EXTENDED = iso('2024-03-25 23:59:59.999');

function report(status: ReportStatus, over: Partial<MapStateInput> = {}): MapStateInput {
  return { status, dueAt: DUE, originalDueAt: DUE, resolvedAt: null, agencyId: 'ubnd-phu-hoi', ...over };
}

describe('timelinessOf', () => {
  const now = vn('2024-03-15 10:00');
  it('pending: open and not past the due date', () => {
    for (const s of ['received', 'assigned', 'in_progress', 'reopened'] as const) expect(timelinessOf(report(s), now)).toBe('pending');
    expect(timelinessOf(report('in_progress', { dueAt: null, originalDueAt: null }), vn('2030-01-01 00:00'))).toBe('pending');
  });
  it('overdue: open and past the current due date, not the original one after an extension', () => {
    expect(timelinessOf(report('in_progress'), vn('2024-03-19 00:00'))).toBe('overdue');
    expect(timelinessOf(report('in_progress', { dueAt: EXTENDED }), vn('2024-03-19 00:00'))).toBe('pending');
    expect(timelinessOf(report('in_progress', { dueAt: EXTENDED }), vn('2024-03-26 00:00'))).toBe('overdue');
  });
  it('on_time: resolved by the original due date, the due instant included', () => {
    expect(timelinessOf(report('resolved', { resolvedAt: iso('2024-03-12 09:00') }), now)).toBe('on_time');
    expect(timelinessOf(report('resolved', { resolvedAt: DUE }), now)).toBe('on_time');
    expect(timelinessOf(report('resolved', { resolvedAt: iso('2024-03-12 09:00'), dueAt: EXTENDED }), now)).toBe('on_time');
  });
  it('late_extended: after the original due date but by the extended one', () => {
    expect(timelinessOf(report('resolved', { resolvedAt: iso('2024-03-20 09:00'), dueAt: EXTENDED }), now)).toBe('late_extended');
    expect(timelinessOf(report('resolved', { resolvedAt: EXTENDED, dueAt: EXTENDED }), now)).toBe('late_extended');
  });
  it('late: after the current due date, with or without an extension', () => {
    expect(timelinessOf(report('resolved', { resolvedAt: iso('2024-03-19 00:00') }), now)).toBe('late');
    expect(timelinessOf(report('resolved', { resolvedAt: iso('2024-03-26 08:00'), dueAt: EXTENDED }), now)).toBe('late');
  });
  it('not_applicable: rejected, whatever the dates', () => {
    expect(timelinessOf(report('rejected'), vn('2030-01-01 00:00'))).toBe('not_applicable');
  });
  it('falls back sensibly on incomplete projections', () => {
    // no original due date recorded: the current one is the original
    expect(timelinessOf(report('resolved', { originalDueAt: null, resolvedAt: iso('2024-03-19 00:00') }), now)).toBe('late');
    expect(timelinessOf(report('resolved', { dueAt: null, originalDueAt: null, resolvedAt: iso('2024-03-19 00:00') }), now)).toBe('on_time');
    // resolved without the instant: judged at the time of asking
    expect(timelinessOf(report('resolved', { resolvedAt: null }), vn('2024-03-20 00:00'))).toBe('late');
  });
});

describe('isOverdue', () => {
  it('only open reports past their due date', () => {
    expect(isOverdue(report('assigned'), vn('2024-03-18 23:59'))).toBe(false);
    expect(isOverdue(report('assigned'), vn('2024-03-19 00:00'))).toBe(true);
    expect(isOverdue(report('resolved', { resolvedAt: iso('2024-03-25 00:00') }), vn('2024-04-01 00:00'))).toBe(false);
    expect(isOverdue(report('rejected'), vn('2024-04-01 00:00'))).toBe(false);
    expect(isOverdue(report('assigned', { dueAt: null }), vn('2024-04-01 00:00'))).toBe(false);
  });
});

describe('isDueSoon', () => {
  it('open with at most one working day of working time left', () => {
    // due end of Monday 18/03: on Friday 15/03 at 10:00 there are 5 h Friday + 7.5 h Monday left
    expect(isDueSoon(report('assigned'), vn('2024-03-15 10:00'))).toBe(false);
    // Friday 17:00: only Monday is left
    expect(isDueSoon(report('assigned'), vn('2024-03-15 17:00'))).toBe(true);
    expect(isDueSoon(report('assigned'), vn('2024-03-18 16:00'))).toBe(true);
  });
  it('not when overdue, closed, or without a due date', () => {
    expect(isDueSoon(report('assigned'), vn('2024-03-19 08:00'))).toBe(false);
    expect(isDueSoon(report('resolved', { resolvedAt: iso('2024-03-18 09:00') }), vn('2024-03-18 08:00'))).toBe(false);
    expect(isDueSoon(report('assigned', { dueAt: null }), vn('2024-03-18 08:00'))).toBe(false);
  });
  it('measures working time, so a weekend does not make a report due soon', () => {
    const due = iso('2024-03-12 23:59:59.999'); // Tuesday
    // Friday evening: Monday and Tuesday still ahead
    expect(isDueSoon(report('assigned', { dueAt: due, originalDueAt: due }), vn('2024-03-08 18:00'))).toBe(false);
    // Monday evening: only Tuesday
    expect(isDueSoon(report('assigned', { dueAt: due, originalDueAt: due }), vn('2024-03-11 18:00'))).toBe(true);
  });
});

describe('mapStateOf', () => {
  const calm = vn('2024-03-12 10:00');
  it('new: received and not yet with a unit', () => {
    expect(mapStateOf(report('received', { agencyId: null }), calm)).toBe('new');
  });
  it('handling: with a unit, not near its due date', () => {
    expect(mapStateOf(report('assigned'), calm)).toBe('handling');
    expect(mapStateOf(report('in_progress'), calm)).toBe('handling');
    expect(mapStateOf(report('reopened'), calm)).toBe('handling');
  });
  it('due_soon wins over handling and new', () => {
    expect(mapStateOf(report('in_progress'), vn('2024-03-18 09:00'))).toBe('due_soon');
    expect(mapStateOf(report('received', { agencyId: null }), vn('2024-03-18 09:00'))).toBe('due_soon');
  });
  it('overdue wins over everything open', () => {
    expect(mapStateOf(report('in_progress'), vn('2024-03-19 09:00'))).toBe('overdue');
    expect(mapStateOf(report('received', { agencyId: null }), vn('2024-03-19 09:00'))).toBe('overdue');
  });
  it('resolved and rejected whatever the dates', () => {
    expect(mapStateOf(report('resolved', { resolvedAt: iso('2024-03-25 09:00') }), vn('2024-04-01 00:00'))).toBe('resolved');
    expect(mapStateOf(report('rejected', { agencyId: null }), vn('2024-04-01 00:00'))).toBe('rejected');
  });
});
