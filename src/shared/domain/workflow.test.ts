import { describe, expect, it } from 'vitest';
import { eventTypes, reportStatuses, type EventType, type ReportStatus } from '../contract/common';
import type { StoredEvent } from '../contract/event';
import { applyEvent, refusalReason, replay, statusAfter } from './workflow';
import { DomainError } from './errors';

// The workflow as DOMAIN.md states it, written out independently of workflow.ts's table:
// received → (rejected | assigned) → in_progress → resolved → reopened → in_progress, plus side events.
const ALLOWED: Record<EventType, ReportStatus[]> = {
  created: [],
  verified: ['received'],
  rejected: ['received'],
  assigned: ['received'],
  transferred: ['assigned', 'in_progress', 'reopened'],
  started: ['assigned', 'reopened'],
  extended: ['assigned', 'in_progress', 'reopened'],
  commented: ['received', 'rejected', 'assigned', 'in_progress', 'resolved', 'reopened'],
  resolved: ['in_progress'],
  rated: ['resolved'],
  reopened: ['resolved'],
  reminded: ['assigned', 'in_progress', 'reopened'],
};
const NEXT: Partial<Record<EventType, ReportStatus>> = {
  rejected: 'rejected',
  assigned: 'assigned',
  transferred: 'assigned',
  started: 'in_progress',
  resolved: 'resolved',
  reopened: 'reopened',
};

describe('workflow transitions', () => {
  for (const type of eventTypes) {
    for (const status of reportStatuses) {
      const allowed = ALLOWED[type].includes(status);
      it(`${type} from ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        if (allowed) {
          expect(refusalReason(status, type)).toBeNull();
          expect(statusAfter(status, type)).toBe(NEXT[type] ?? status);
        } else {
          const reason = refusalReason(status, type);
          expect(reason).toMatch(type === 'created' ? /already exists/ : new RegExp(`'${type}' is not allowed when the report is '${status}'`));
          expect(() => statusAfter(status, type)).toThrow(DomainError);
        }
      });
    }
  }
  it('only created may start a report', () => {
    expect(refusalReason(null, 'created')).toBeNull();
    for (const type of eventTypes.filter((t) => t !== 'created')) {
      expect(refusalReason(null, type)).toMatch(/no report/);
      try {
        statusAfter(null, type);
        expect.unreachable();
      } catch (e) {
        expect((e as DomainError).status).toBe(404);
      }
    }
  });
  it('an illegal transition answers 409', () => {
    try {
      statusAfter('received', 'resolved');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).status).toBe(409);
      expect((e as DomainError).code).toBe('illegal_transition');
    }
  });
});

let seq = 0;
const ev = (type: EventType, at: string, data: Record<string, unknown> = {}): StoredEvent => ({
  seq: ++seq,
  type,
  reportId: 7,
  at,
  recordedAt: at,
  actor: null,
  data,
});
const created = () =>
  ev('created', '2026-03-02T02:00:00.000Z', {
    externalId: 'X-1',
    title: 'Rác thải tồn đọng',
    description: 'Nhiều ngày chưa thu gom',
    categoryId: 'rac-thai',
    urgent: false,
    lat: 16.46,
    lng: 107.59,
    address: '12 Lê Lợi',
    wardCode: '19801',
    districtCode: '474',
    channel: 'app',
    media: [],
    dueAt: '2026-03-11T16:59:59.999Z',
    sla: { mode: 'routine', amount: 7, unit: 'working_days', source: 'category', categoryId: 'rac-thai', from: '2026-03-02T02:00:00.000Z' },
  });

describe('applyEvent', () => {
  it('follows a report through its life, keeping extension history and the original due date', () => {
    seq = 0;
    const log = [
      created(),
      ev('verified', '2026-03-02T03:00:00.000Z'),
      ev('assigned', '2026-03-02T04:00:00.000Z', { agencyId: 'hepco', coordinatingAgencyIds: ['ubnd-p-phu-hoi'] }),
      ev('started', '2026-03-03T01:00:00.000Z'),
      ev('extended', '2026-03-10T01:00:00.000Z', { dueAt: '2026-03-18T16:59:59.999Z', reason: 'chờ vật tư' }),
      ev('reminded', '2026-03-16T01:00:00.000Z', { channel: 'sms', target: 'officer', note: '' }),
      ev('resolved', '2026-03-17T01:00:00.000Z', { resultText: 'Đã thu gom', media: [{ url: '/demo-media/a.svg', kind: 'image' }] }),
      ev('rated', '2026-03-18T01:00:00.000Z', { rating: 'acceptable' }),
    ];
    const r = replay(log).get(7);
    expect(r).toBeDefined();
    expect(r?.status).toBe('resolved');
    expect(r?.agencyId).toBe('hepco');
    expect(r?.coordinatingAgencyIds).toEqual(['ubnd-p-phu-hoi']);
    expect(r?.originalDueAt).toBe('2026-03-11T16:59:59.999Z');
    expect(r?.dueAt).toBe('2026-03-18T16:59:59.999Z');
    expect(r?.extensions).toEqual([
      { at: '2026-03-10T01:00:00.000Z', fromDueAt: '2026-03-11T16:59:59.999Z', toDueAt: '2026-03-18T16:59:59.999Z', reason: 'chờ vật tư' },
    ]);
    expect(r?.reminderCount).toBe(1);
    expect(r?.media).toHaveLength(1);
    expect(r?.rating).toBe('acceptable');
    expect(r?.lastSeq).toBe(8);
  });

  it('reopening clears the result rating and sets a fresh deadline', () => {
    seq = 0;
    const log = [
      created(),
      ev('assigned', '2026-03-02T04:00:00.000Z', { agencyId: 'hepco', coordinatingAgencyIds: [] }),
      ev('started', '2026-03-03T01:00:00.000Z'),
      ev('resolved', '2026-03-04T01:00:00.000Z', { resultText: 'Đã xử lý', media: [] }),
      ev('rated', '2026-03-04T05:00:00.000Z', { rating: 'unsatisfied' }),
      ev('reopened', '2026-03-05T01:00:00.000Z', {
        reason: 'vẫn còn',
        secondReport: true,
        dueAt: '2026-03-16T16:59:59.999Z',
        sla: { mode: 'routine', amount: 7, unit: 'working_days', source: 'category', categoryId: 'rac-thai', from: '2026-03-05T01:00:00.000Z' },
      }),
    ];
    const r = replay(log).get(7);
    expect(r?.status).toBe('reopened');
    expect(r?.reopenCount).toBe(1);
    expect(r?.rating).toBeNull();
    expect(r?.resolvedAt).toBeNull();
    expect(r?.dueAt).toBe('2026-03-16T16:59:59.999Z');
    expect(r?.originalDueAt).toBe('2026-03-16T16:59:59.999Z');
  });

  it('refuses to apply an event the workflow does not allow', () => {
    seq = 0;
    const r = applyEvent(null, created());
    expect(() => applyEvent(r, ev('resolved', '2026-03-03T00:00:00.000Z', { resultText: 'x' }))).toThrow(/not allowed/);
    expect(() => applyEvent(null, ev('assigned', '2026-03-03T00:00:00.000Z', { agencyId: 'a' }))).toThrow(/no report/);
  });
});
