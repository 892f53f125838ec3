import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lookupTable, mapOpen311Request, open311MappingSchema, parseOpen311Instant, planOpen311Events, type CurrentReport, type Open311Target } from './open311';

describe('parseOpen311Instant', () => {
  it('reads offsets, Z, and offset-less local time as UTC+7', () => {
    expect(parseOpen311Instant('2010-04-14T06:37:38-08:00')).toBe(Date.UTC(2010, 3, 14, 14, 37, 38));
    expect(parseOpen311Instant('2024-03-01T07:20:00Z')).toBe(Date.UTC(2024, 2, 1, 7, 20));
    expect(parseOpen311Instant('2024-03-01T14:20:00')).toBe(Date.UTC(2024, 2, 1, 7, 20));
    expect(parseOpen311Instant('2024-03-01 14:20')).toBe(Date.UTC(2024, 2, 1, 7, 20));
    expect(parseOpen311Instant('2024-03-01T14:20:00+0530')).toBe(Date.UTC(2024, 2, 1, 8, 50));
    expect(parseOpen311Instant('2024-03-01T14:20:00+07')).toBe(Date.UTC(2024, 2, 1, 7, 20));
    expect(parseOpen311Instant('2024-03-01T14:20:00.250+07:00')).toBe(Date.UTC(2024, 2, 1, 7, 20, 0, 250));
    // another local offset for sources that drop it (mapping localOffset)
    expect(parseOpen311Instant('2024-03-01T14:20:00', 0)).toBe(Date.UTC(2024, 2, 1, 14, 20));
  });

  it('refuses dates without a time, impossible dates and other formats', () => {
    for (const s of ['2024-03-01', '2024-02-30T10:00:00Z', '2023-02-29T10:00:00Z', '2024-03-01T24:00:00Z', '01/03/2024 14:20', 'soon', '2024-03-01T10:00:00+15:00', '']) {
      expect(parseOpen311Instant(s), s).toBeNull();
    }
  });

  it('agrees with Date.parse on every instant written with an offset', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }), fc.integer({ min: -12 * 4, max: 14 * 4 }), (d, q) => {
        const off = q * 15;
        const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
        const sign = off < 0 ? '-' : '+';
        const abs = Math.abs(off);
        const s = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseOpen311Instant(s)).toBe(Date.parse(s));
      }),
    );
  });
});

const mapping = open311MappingSchema.parse({});
const noLookup = () => null;
const ctx = { source: 's', mapping, category: noLookup, agency: noLookup, now: new Date('2024-12-31T00:00:00Z') };

describe('mapOpen311Request', () => {
  const base = { service_request_id: 7, status: 'open', requested_datetime: '2024-05-01T08:00:00+07:00', lat: 16.46, long: 107.59, address: 'x' };
  it('maps statuses through the mapping and refuses unknown ones', () => {
    const m = open311MappingSchema.parse({ statuses: { Acknowledged: 'open' } });
    expect(mapOpen311Request({ ...base, status: 'acknowledged' }, { ...ctx, mapping: m })).toMatchObject({ ok: true, target: { status: 'open' } });
    expect(mapOpen311Request({ ...base, status: 'assigned' }, ctx)).toEqual({ ok: false, requestId: '7', reason: expect.stringMatching(/unknown status 'assigned'/) as unknown });
  });
  it('treats (0, 0) as no position', () => {
    expect(mapOpen311Request({ ...base, lat: 0, long: 0 }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/no coordinates/) as unknown });
  });
  it('refuses times in the future', () => {
    expect(mapOpen311Request({ ...base, requested_datetime: '2025-06-01T00:00:00Z' }, ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/in the future/) as unknown });
  });
});

describe('lookupTable', () => {
  it('matches without case or diacritics, explicit lines before our own names', () => {
    const find = lookupTable({ 'Chiếu sáng': 'b' }, [{ id: 'a', names: ['Chiếu sáng', 'Lighting'] }]);
    expect(find('CHIEU SANG')).toBe('b');
    expect(find('lighting')).toBe('a');
    expect(find('a')).toBe('a');
    expect(find('other')).toBeNull();
    expect(find(null)).toBeNull();
  });
});

const target = (over: Partial<Open311Target> = {}): Open311Target => ({
  requestId: '9',
  externalId: 'open311:s:9',
  status: 'open',
  notes: null,
  requestedAt: '2024-05-01T01:00:00.000Z',
  updatedAt: '2024-05-02T01:00:00.000Z',
  expectedAt: null,
  categoryId: 'khac',
  unmappedService: null,
  agencyId: null,
  unmappedAgency: null,
  agencyLabel: null,
  title: 't',
  description: '',
  address: 'a',
  lat: 16.46,
  lng: 107.59,
  locatedBy: 'coordinates',
  media: [],
  ...over,
});
const current = (over: Partial<CurrentReport> = {}): CurrentReport => ({ status: 'assigned', agencyId: 'u1', reopenCount: 0, dueAt: '2024-05-10T16:59:59.999Z', receivedAt: '2024-05-01T01:00:00.000Z', ...over });
const plan = (t: Open311Target, c: CurrentReport | null, prevExpected: string | null = null, defaultAgencyId: string | null = null) =>
  planOpen311Events(t, c, { source: 's', mapping: { ...mapping, defaultAgencyId }, previousExpectedAt: prevExpected });
const keys = (p: ReturnType<typeof plan>) => (p.ok ? p.events.map((e) => e.sourceEventId.replace('open311:s:9:', '')) : p.reason);

describe('planOpen311Events', () => {
  it('a new request: created, then assigned when a unit is known, started + resolved when closed', () => {
    expect(keys(plan(target(), null))).toEqual(['created']);
    expect(keys(plan(target({ agencyId: 'u1' }), null))).toEqual(['created', 'assigned']);
    expect(keys(plan(target({ agencyId: 'u1', status: 'closed' }), null))).toEqual(['created', 'assigned', 'started:1', 'resolved:1']);
  });
  it('a closed request without a unit needs the default unit, or is refused with the reason', () => {
    expect(keys(plan(target({ status: 'closed', agencyLabel: 'DPW' }), null))).toMatch(/agency_responsible 'DPW' is not mapped/);
    const p = plan(target({ status: 'closed' }), null, null, 'u9');
    expect(keys(p)).toEqual(['created', 'assigned', 'started:1', 'resolved:1']);
    expect(p.ok && p.events[1]).toMatchObject({ type: 'assigned', agencyId: 'u9' });
    // an open one stays unassigned even with a default unit
    expect(keys(plan(target(), null, null, 'u9'))).toEqual(['created']);
  });
  it('changes: transfer, extension only when expected_datetime moves later than before and than our due date', () => {
    expect(keys(plan(target({ agencyId: 'u2' }), current()))).toEqual(['transferred:u2:2024-05-02T01:00:00.000Z']);
    const later = target({ agencyId: 'u1', expectedAt: '2024-05-20T10:00:00.000Z' });
    expect(keys(plan(later, current(), null))).toEqual([]);
    expect(keys(plan(later, current(), '2024-05-20T10:00:00.000Z'))).toEqual([]);
    expect(keys(plan(later, current(), '2024-05-08T10:00:00.000Z'))).toEqual(['extended:2024-05-20T10:00:00.000Z']);
    const p = plan(target({ agencyId: 'u1', expectedAt: '2024-05-09T10:00:00.000Z' }), current(), '2024-05-08T10:00:00.000Z');
    expect(keys(p)).toEqual([]);
    expect(p.ok && p.notes[0]).toMatch(/not later than our due date/);
  });
  it('reopening and closing again count rounds from the report, so every round has its own ids', () => {
    expect(keys(plan(target({ agencyId: 'u1' }), current({ status: 'resolved' })))).toEqual(['reopened:2']);
    expect(keys(plan(target({ agencyId: 'u1', status: 'closed' }), current({ status: 'reopened', reopenCount: 1 })))).toEqual(['started:2', 'resolved:2']);
    expect(keys(plan(target({ agencyId: 'u1', status: 'closed' }), current({ status: 'resolved', reopenCount: 1 })))).toEqual([]);
    // rejected at screening here: the source's later versions change nothing
    expect(keys(plan(target({ agencyId: 'u1', status: 'closed' }), current({ status: 'rejected', agencyId: null })))).toEqual([]);
  });
  it('never dates a change before the report was received', () => {
    const p = plan(target({ agencyId: 'u2', updatedAt: '2024-04-01T00:00:00.000Z' }), current());
    expect(p.ok && p.events[0]?.at).toBe('2024-05-01T01:00:00.000Z');
  });
});
