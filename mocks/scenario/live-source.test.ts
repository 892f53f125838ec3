import { describe, expect, it } from 'vitest';
import { openStatuses } from '../../src/shared/contract/common';
import type { ReportStatus } from '../../src/shared/contract/common';
import type { Report } from '../../src/shared/contract/report';
import { prepareEvent } from '../../src/shared/domain/ingest';
import { eventInput } from '../../src/shared/contract/event';
import type { EventInput } from '../../src/shared/contract/event';
import { applyEvent, refusalReason, statusAfter } from '../../src/shared/domain/workflow';
import { createHistory } from './history';
import { createLiveSource } from './live-source';
import type { OpenReport } from './live-source';
import { measureEvents } from './stats';
import { scenarioWorld } from './world';

const START = new Date('2024-11-20T03:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;

const open: OpenReport[] = [
  { externalId: 'HUE-20241119-0001', status: 'received', receivedAt: '2024-11-20T02:40:00Z', categoryId: 've-sinh-moi-truong', agencyId: null, dueAt: '2024-11-25T16:59:59.999Z', urgent: false },
  { externalId: 'HUE-20241118-0002', status: 'assigned', receivedAt: '2024-11-18T02:00:00Z', categoryId: 'chieu-sang-cong-cong', agencyId: 'chieu-sang-do-thi-hue', dueAt: '2024-11-21T16:59:59.999Z', urgent: false },
  { externalId: 'HUE-20241105-0003', status: 'in_progress', receivedAt: '2024-11-05T02:00:00Z', categoryId: 'cap-nuoc', agencyId: 'huewaco', dueAt: '2024-11-14T16:59:59.999Z', urgent: false },
  { externalId: 'HUE-20241110-0004', status: 'reopened', receivedAt: '2024-11-10T02:00:00Z', categoryId: 'trat-tu-xay-dung', agencyId: 'ubnd-p-phu-hoi', dueAt: '2024-11-28T16:59:59.999Z', urgent: false },
  { externalId: 'HUE-20241120-0005', status: 'in_progress', receivedAt: '2024-11-20T01:00:00Z', categoryId: 'an-ninh-trat-tu', agencyId: 'cong-an-tinh', dueAt: '2024-11-20T06:30:00.000Z', urgent: true },
  { externalId: 'HUE-20241101-0006', status: 'resolved', receivedAt: '2024-11-01T02:00:00Z', categoryId: 'khac', agencyId: 'so-noi-vu', dueAt: null, urgent: false },
];
// many more open reports in every status, so each legal continuation is exercised
const statuses: ReportStatus[] = ['received', 'assigned', 'in_progress', 'reopened'];
for (let i = 0; i < 200; i++) {
  const status = statuses[i % 4] as ReportStatus;
  open.push({
    externalId: `HUE-BULK-${i}`,
    status,
    receivedAt: new Date(START.getTime() - (i % 20) * 24 * HOUR - HOUR).toISOString(),
    categoryId: ['ha-tang-giao-thong', 'cay-xanh', 'dien-luc', 'tieng-on'][i % 4] as string,
    agencyId: status === 'received' ? null : ['so-giao-thong-van-tai', 'cong-vien-cay-xanh-hue', 'dien-luc-tth', 'ubnd-p-vinh-ninh'][i % 4] as string,
    dueAt: new Date(START.getTime() + ((i % 9) - 4) * 24 * HOUR).toISOString(),
    urgent: i % 13 === 0,
  });
}

/** Runs a source from START for `ms` of real time, polling every `step` ms. */
function run(source: ReturnType<typeof createLiveSource>, ms: number, step = 5000): { polls: { now: number; events: EventInput[] }[]; all: EventInput[] } {
  const polls: { now: number; events: EventInput[] }[] = [];
  for (let t = START.getTime(); t <= START.getTime() + ms; t += step) polls.push({ now: t, events: source.due(new Date(t)) });
  return { polls, all: polls.flatMap((p) => p.events) };
}

describe('createLiveSource', () => {
  const source = () => createLiveSource({ seed: 2019, start: START, speed: 60, openReports: open });
  const { polls, all } = run(source(), 2 * HOUR);

  it('never emits an event in the future or before the start, and keeps time order across polls', () => {
    let last = START.getTime();
    for (const p of polls) {
      for (const ev of p.events) {
        const t = Date.parse(ev.at);
        expect(t).toBeLessThanOrEqual(p.now);
        expect(t).toBeGreaterThanOrEqual(last);
        last = t;
      }
    }
    expect(all.length).toBeGreaterThan(500);
  });

  it('emits events that parse, with ids unique and tied to the start instant', () => {
    const tag = START.getTime().toString(36);
    for (const ev of all) {
      expect(eventInput.safeParse(ev).success).toBe(true);
      expect(ev.sourceEventId.startsWith(`sim-${tag}-`)).toBe(true);
      if (ev.type === 'created') expect(ev.externalId).toMatch(new RegExp(`^SIM-${tag}-\\d+$`));
    }
    expect(new Set(all.map((e) => e.sourceEventId)).size).toBe(all.length);
    // a restart a minute later never reuses an id
    const later = run(createLiveSource({ seed: 2019, start: new Date(START.getTime() + MIN), speed: 60, openReports: open }), HOUR).all;
    const ids = new Set(all.map((e) => e.sourceEventId));
    expect(later.some((e) => ids.has(e.sourceEventId))).toBe(false);
    const created = new Set(all.filter((e) => e.type === 'created').map((e) => e.externalId));
    expect(later.some((e) => e.type === 'created' && created.has(e.externalId))).toBe(false);
  });

  it('continues open reports with legal steps only, from their current status', () => {
    const status = new Map<string, ReportStatus | null>();
    for (const r of open) status.set(r.externalId, r.status);
    for (const ev of all) {
      const prev = status.get(ev.externalId) ?? null;
      expect(refusalReason(prev, ev.type), `${ev.sourceEventId} (${prev} → ${ev.type})`).toBeNull();
      status.set(ev.externalId, statusAfter(prev, ev.type));
    }
    // the open reports move on (a resolved one is left alone)
    expect(all.some((e) => e.externalId === 'HUE-20241119-0001' && (e.type === 'verified' || e.type === 'rejected'))).toBe(true);
    expect(all.some((e) => e.externalId === 'HUE-20241101-0006')).toBe(false);
    const moved = open.filter((r) => r.status !== 'resolved' && all.some((e) => e.externalId === r.externalId));
    expect(moved.length).toBeGreaterThan(150);
  });

  it('extends a continuing report only to a later due date than the one it has', () => {
    const due = new Map(open.map((r) => [r.externalId, r.dueAt ? Date.parse(r.dueAt) : 0]));
    for (const ev of all) {
      if (ev.type !== 'extended' || !due.has(ev.externalId)) continue;
      expect(Date.parse(ev.dueAt)).toBeGreaterThan(due.get(ev.externalId) ?? 0);
      due.set(ev.externalId, Date.parse(ev.dueAt));
    }
  });

  it('creates new reports at reportsPerDay × speed per day', () => {
    // 57.5 a day × 60 = 2.4 a minute: ~288 in two hours
    const created = all.filter((e) => e.type === 'created').length;
    expect(created).toBeGreaterThan(230);
    expect(created).toBeLessThan(345);
    const slow = run(createLiveSource({ seed: 3, start: START, speed: 6, reportsPerDay: { min: 100, max: 140 }, openReports: [] }), 2 * HOUR, 60_000).all;
    // 120 × 6 / 24 per hour = 30 an hour
    const n = slow.filter((e) => e.type === 'created').length;
    expect(n).toBeGreaterThan(40);
    expect(n).toBeLessThan(85);
  });

  it('produces an event every few seconds at speed 60, and says when the next one is due', () => {
    const gaps = 2 * HOUR / all.length;
    expect(gaps).toBeLessThan(10_000);
    const s = source();
    const next = s.nextAt();
    expect(next).not.toBeNull();
    expect(next?.getTime()).toBeGreaterThanOrEqual(START.getTime());
    expect(s.due(new Date((next?.getTime() ?? 0) - 1))).toHaveLength(0);
    expect(s.due(next ?? START).length).toBeGreaterThan(0);
  });

  it('is deterministic for the same seed and start', () => {
    expect(run(source(), 20 * MIN).all).toEqual(run(source(), 20 * MIN).all);
  });

  it('carries on a generated history through the real ingest without a single refusal', () => {
    const end = START;
    const history = [...createHistory({ seed: 11, end, days: 20 }).events()];
    const world = scenarioWorld();
    const ctx = { categories: world.categories, agencies: world.agencies, area: world.area };
    const reports = new Map<string, Report>();
    history.forEach((ev, i) => {
      const prev = reports.get(ev.externalId) ?? null;
      const p = prepareEvent(ev, prev, ctx);
      reports.set(ev.externalId, applyEvent(prev, { seq: i + 1, reportId: prev?.id ?? reports.size + 1, recordedAt: p.at, ...p }));
    });
    const openNow = [...reports.values()].filter((r) => openStatuses.includes(r.status));
    expect(openNow.length).toBeGreaterThan(100);
    const live = run(
      createLiveSource({
        seed: 11,
        start: end,
        speed: 60,
        openReports: openNow.map((r) => ({ externalId: r.externalId, status: r.status, receivedAt: r.receivedAt, categoryId: r.categoryId, agencyId: r.agencyId, dueAt: r.dueAt, urgent: r.urgent })),
      }),
      3 * HOUR,
    ).all;
    const stats = measureEvents([...history, ...live], new Date(end.getTime() + 3 * HOUR));
    expect(stats.refused, stats.refusals.join('\n')).toBe(0);
    expect(live.filter((e) => e.type === 'resolved' && reports.has(e.externalId)).length).toBeGreaterThan(50);
  });

  it('refuses a speed that is not positive', () => {
    expect(() => createLiveSource({ seed: 1, start: START, speed: 0, openReports: [] })).toThrow(RangeError);
  });
});
