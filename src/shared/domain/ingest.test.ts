import { describe, expect, it } from 'vitest';
import { eventInput, type EventInput } from '../contract/event';
import type { Report } from '../contract/report';
import { DomainError } from './errors';
import { prepareEvent, type IngestContext } from './ingest';
import { computeDue } from './sla';
import { applyEvent } from './workflow';

const ctx: IngestContext = {
  categories: new Map([
    ['rac-thai', { id: 'rac-thai', sla: { routine: { amount: 7, unit: 'working_days' }, urgent: { amount: 4, unit: 'working_hours' } } }],
    ['chieu-sang', { id: 'chieu-sang', sla: { routine: { amount: 3, unit: 'working_days' }, urgent: null } }],
  ]),
  agencies: new Map([
    ['hepco', { id: 'hepco' }],
    ['ubnd-p-phu-hoi', { id: 'ubnd-p-phu-hoi' }],
  ]),
  area: { locate: (lat) => (lat > 16 ? { districtCode: '474', wardCode: '19801' } : { districtCode: null, wardCode: null }) },
  wardCodes: new Set(['19801', '19804']),
  districtCodes: new Set(['474', '476']),
  now: new Date('2026-03-20T00:00:00Z'),
};

const parse = (raw: unknown): EventInput => eventInput.parse(raw) as EventInput;
const createdRaw = {
  sourceEventId: 's-1',
  type: 'created',
  at: '2026-03-02T09:00:00+07:00',
  externalId: 'X-1',
  title: 'Rác thải tồn đọng',
  description: 'Nhiều ngày chưa thu gom',
  categoryId: 'rac-thai',
  lat: 16.4637,
  lng: 107.5909,
  address: '12 Lê Lợi',
  reporter: { name: 'Nguyễn Văn A', phone: '0905 123 456' },
};

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function build(): Report {
  const p = prepareEvent(parse(createdRaw), null, ctx);
  return applyEvent(null, { seq: 1, reportId: 1, type: p.type, at: p.at, recordedAt: p.at, actor: p.actor, data: p.data });
}

describe('prepareEvent', () => {
  it('derives ward and district from the position, normalises time to UTC, and keeps the reporter out of the log', () => {
    const p = prepareEvent(parse(createdRaw), null, ctx);
    expect(p.at).toBe('2026-03-02T02:00:00.000Z');
    expect(p.data.wardCode).toBe('19801');
    expect(p.data.districtCode).toBe('474');
    expect(p.reporter).toEqual({ name: 'Nguyễn Văn A', phone: '0905 123 456' });
    expect(JSON.stringify(p.data)).not.toContain('0905');
    expect(JSON.stringify(p.data)).not.toContain('Nguyễn Văn A');
    const due = computeDue(ctx.categories.get('rac-thai')!, false, new Date('2026-03-02T02:00:00Z'));
    expect(p.data.dueAt).toBe(due.dueAt.toISOString());
    expect(p.data.sla).toEqual(due.sla);
  });

  it('accepts the report nested under `report` as well as flat', () => {
    const { sourceEventId, type, at, externalId, ...fields } = createdRaw;
    const nested = parse({ sourceEventId, type, at, externalId, report: fields });
    expect(prepareEvent(nested, null, ctx).data).toEqual(prepareEvent(parse(createdRaw), null, ctx).data);
  });

  it('refuses unknown categories, wards and units with the field path', () => {
    expect(refusal(() => prepareEvent(parse({ ...createdRaw, categoryId: 'nope' }), null, ctx))).toMatchObject({ status: 400, path: 'categoryId' });
    expect(refusal(() => prepareEvent(parse({ ...createdRaw, wardCode: '99999' }), null, ctx))).toMatchObject({ status: 400, path: 'wardCode' });
    const r = build();
    const assign = parse({ sourceEventId: 's-2', type: 'assigned', at: '2026-03-02T03:00:00Z', externalId: 'X-1', agencyId: 'hepco', coordinatingAgencyIds: ['ghost'] });
    expect(refusal(() => prepareEvent(assign, r, ctx))).toMatchObject({ status: 400, path: 'coordinatingAgencyIds.0' });
  });

  it('answers 404 for an unknown report and 409 for a second created or an illegal step', () => {
    const rated = parse({ sourceEventId: 's-9', type: 'rated', at: '2026-03-02T03:00:00Z', externalId: 'X-404', rating: 'satisfied' });
    expect(refusal(() => prepareEvent(rated, null, ctx))).toMatchObject({ status: 404, code: 'unknown_report' });
    const r = build();
    expect(refusal(() => prepareEvent(parse(createdRaw), r, ctx))).toMatchObject({ status: 409, code: 'duplicate_report' });
    expect(refusal(() => prepareEvent({ ...rated, externalId: 'X-1' }, r, ctx))).toMatchObject({ status: 409, code: 'illegal_transition' });
  });

  it('refuses events dated before the report or far in the future', () => {
    const r = build();
    const early = parse({ sourceEventId: 's-3', type: 'verified', at: '2026-03-01T00:00:00Z', externalId: 'X-1' });
    expect(refusal(() => prepareEvent(early, r, ctx))).toMatchObject({ status: 400, path: 'at' });
    const future = parse({ ...createdRaw, at: '2026-04-01T00:00:00Z' });
    expect(refusal(() => prepareEvent(future, null, ctx))).toMatchObject({ status: 400, path: 'at' });
  });

  it('recomputes the deadline from receipt when screening changes category or urgency', () => {
    const r = build();
    const v = parse({ sourceEventId: 's-4', type: 'verified', at: '2026-03-02T05:00:00Z', externalId: 'X-1', urgent: true });
    const p = prepareEvent(v, r, ctx);
    const due = computeDue(ctx.categories.get('rac-thai')!, true, new Date(r.receivedAt));
    expect(p.data.dueAt).toBe(due.dueAt.toISOString());
    expect((p.data.sla as { mode: string }).mode).toBe('urgent');
    // no change of category or urgency: no new deadline
    const same = prepareEvent(parse({ ...v, urgent: false }), r, ctx);
    expect(same.data.dueAt).toBeUndefined();
  });

  it('only lets an extension move the due date later', () => {
    let r = build();
    const steps = [
      { type: 'assigned', agencyId: 'hepco' },
      { type: 'started' },
    ];
    let seq = 1;
    for (const s of steps) {
      const p = prepareEvent(parse({ sourceEventId: `s-${++seq}`, at: '2026-03-02T06:00:00Z', externalId: 'X-1', ...s }), r, ctx);
      r = applyEvent(r, { seq, reportId: 1, type: p.type, at: p.at, recordedAt: p.at, actor: null, data: p.data });
    }
    const back = parse({ sourceEventId: 's-x', type: 'extended', at: '2026-03-03T00:00:00Z', externalId: 'X-1', dueAt: '2026-03-05T00:00:00Z' });
    expect(refusal(() => prepareEvent(back, r, ctx))).toMatchObject({ status: 400, path: 'dueAt' });
    const fwd = prepareEvent(parse({ ...back, dueAt: '2026-03-30T00:00:00+07:00' }), r, ctx);
    expect(fwd.data.dueAt).toBe('2026-03-29T17:00:00.000Z');
    const same = parse({ sourceEventId: 's-t', type: 'transferred', at: '2026-03-03T00:00:00Z', externalId: 'X-1', agencyId: 'hepco' });
    expect(refusal(() => prepareEvent(same, r, ctx))).toMatchObject({ status: 400, path: 'agencyId' });
  });
});
