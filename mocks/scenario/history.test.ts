import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../src/shared/contract/common';
import { eventInput } from '../../src/shared/contract/event';
import type { EventInput } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import { prepareEvent } from '../../src/shared/domain/ingest';
import { applyEvent, refusalReason, statusAfter } from '../../src/shared/domain/workflow';
import { createHistory } from './history';
import { formatStats, measureEvents } from './stats';
import type { ScenarioStats } from './stats';
import { isRepeatDescription } from './text-vi';
import { dayStartMs, localDayOf, planDay } from './volume';
import { scenarioWorld } from './world';

// mid-November: Huế's storm season, so bursts are part of the window
const END = new Date('2024-11-20T10:00:00Z');
const DAY = 86_400_000;
const PER_DAY = { min: 45, max: 70 };

let events: EventInput[] = [];
let stats: ScenarioStats;

beforeAll(() => {
  events = [...createHistory({ seed: 2019, end: END, days: 90 }).events()];
  // outcomes are judged for reports received at least 30 days before the end, whose lives are complete
  stats = measureEvents(events, END, { cohortBefore: new Date(END.getTime() - 30 * DAY) });
  console.log(`90-day history, seed 2019, ending ${END.toISOString()}\n${formatStats(stats)}`);
}, 60_000);

describe('createHistory', () => {
  it('is deterministic: same seed and end give the same events, another seed different ones', () => {
    const a = [...createHistory({ seed: 5, end: END, days: 7 }).events()];
    const b = [...createHistory({ seed: 5, end: END, days: 7 }).events()];
    const c = [...createHistory({ seed: 6, end: END, days: 7 }).events()];
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(c.slice(0, 50)).not.toEqual(a.slice(0, 50));
    // a generator can be iterated again from the start
    const h = createHistory({ seed: 5, end: END, days: 2 });
    expect([...h.events()]).toEqual([...h.events()]);
  });

  it('emits only events that parse as ingest input, with unique ids, in time order, none after the end', () => {
    const ids = new Set<string>();
    let last = 0;
    for (const ev of events) {
      const parsed = eventInput.safeParse(ev);
      if (!parsed.success) throw new Error(`${ev.sourceEventId}: ${parsed.error.message}`);
      const t = Date.parse(ev.at);
      expect(t).toBeGreaterThanOrEqual(last);
      expect(t).toBeLessThanOrEqual(END.getTime());
      last = t;
      ids.add(ev.sourceEventId);
    }
    expect(ids.size).toBe(events.length);
    const created = events.filter((e) => e.type === 'created');
    for (const e of created) {
      expect(e.externalId).toMatch(/^HUE-\d{8}-\d{4,}$/);
      expect(e.sourceEventId).toBe(`hist-2019-${e.externalId}-0`);
    }
    expect(new Set(created.map((e) => e.externalId)).size).toBe(created.length);
  }, 30_000);

  it('gives every report a legal lifecycle (workflow rules, and the full ingest checks)', () => {
    const status = new Map<string, ReportStatus>();
    for (const ev of events) {
      const prev = status.get(ev.externalId) ?? null;
      expect(refusalReason(prev, ev.type), `${ev.sourceEventId}`).toBeNull();
      status.set(ev.externalId, statusAfter(prev, ev.type));
    }
    expect(stats.refused, stats.refusals.join('\n')).toBe(0);
  });

  it('leaves ward and district to the server, and takes only urgent reports at night', () => {
    for (const e of events) {
      if (e.type !== 'created') continue;
      expect(e.wardCode).toBeUndefined();
      expect(e.districtCode).toBeUndefined();
      const msOfDay = Date.parse(e.at) - dayStartMs(localDayOf(Date.parse(e.at)));
      if (msOfDay < 7.5 * 3_600_000) expect(e.urgent).toBe(true);
    }
  });

  it('keeps the daily volume within 45–70 on ordinary weekdays, with bursts and lulls around it', () => {
    const perDay = new Map<number, number>();
    for (const e of events) if (e.type === 'created') perDay.set(localDayOf(Date.parse(e.at)), (perDay.get(localDayOf(Date.parse(e.at))) ?? 0) + 1);
    const lastDay = localDayOf(END.getTime());
    for (const [day, n] of perDay) {
      // the last day is cut at `end`
      if (day !== lastDay) expect(n).toBe(planDay(2019, day, PER_DAY).count);
    }
    const firstDay = lastDay - 400;
    const plans = Array.from({ length: 400 }, (_, i) => planDay(2019, firstDay + i, PER_DAY));
    for (const p of plans) {
      if (p.kind === 'weekday') {
        expect(p.count).toBeGreaterThanOrEqual(45);
        expect(p.count).toBeLessThanOrEqual(70);
      }
      expect(p.count).toBeGreaterThanOrEqual(Math.floor(45 * 0.8 * 0.25));
      expect(p.count).toBeLessThanOrEqual(70 * 3);
    }
    const kinds = new Set(plans.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['weekday', 'weekend', 'tet', 'storm']));
    const mean = plans.reduce((s, p) => s + p.count, 0) / plans.length;
    expect(mean).toBeGreaterThan(45);
    expect(mean).toBeLessThan(70);
    const storm = plans.filter((p) => p.kind === 'storm');
    expect(Math.max(...storm.map((p) => p.count))).toBeGreaterThan(100);
    expect(Math.min(...plans.filter((p) => p.kind === 'tet').map((p) => p.count))).toBeLessThan(25);
  });

  it('hits the target rates of DOMAIN.md within tolerance', () => {
    const s = stats;
    expect(s.rejectedShare).toBeGreaterThan(0.25);
    expect(s.rejectedShare).toBeLessThan(0.31);
    expect(s.onTime).toBeGreaterThan(0.46);
    expect(s.onTime).toBeLessThan(0.57);
    expect(s.lateExtended).toBeGreaterThan(0.33);
    expect(s.lateExtended).toBeLessThan(0.45);
    expect(s.late).toBeGreaterThan(0.05);
    expect(s.late).toBeLessThan(0.13);
    expect(s.ratedShare).toBeGreaterThan(0.52);
    expect(s.ratedShare).toBeLessThan(0.68);
    expect(s.satisfied).toBeGreaterThan(0.62);
    expect(s.satisfied).toBeLessThan(0.78);
    expect(s.acceptable).toBeGreaterThan(0.12);
    expect(s.acceptable).toBeLessThan(0.24);
    expect(s.unsatisfied).toBeGreaterThan(0.07);
    expect(s.unsatisfied).toBeLessThan(0.17);
    expect(s.reopenedShare).toBeGreaterThan(0.02);
    expect(s.reopenedShare).toBeLessThan(0.065);
    expect(s.commentedShare).toBeGreaterThan(0.11);
    expect(s.commentedShare).toBeLessThan(0.19);
    expect(s.repeatShare).toBeGreaterThan(0.055);
    expect(s.repeatShare).toBeLessThan(0.105);
    expect(s.urgentShare).toBeGreaterThan(0.03);
    expect(s.urgentShare).toBeLessThan(0.08);
    // a few reports stay open and overdue, and the centre chases them
    expect(s.overdueNow).toBeGreaterThan(0);
    expect(s.remindedShare).toBeGreaterThan(0.02);
  });

  it('places each repeat within ~50 m of an earlier report of the same category, days to weeks before', () => {
    const created = events.filter((e) => e.type === 'created');
    const repeats = created.filter((e) => isRepeatDescription(e.description));
    expect(repeats.length).toBeGreaterThan(100);
    for (const r of repeats) {
      const t = Date.parse(r.at);
      const original = created.find(
        (e) =>
          e !== r &&
          e.categoryId === r.categoryId &&
          Date.parse(e.at) < t - 3 * DAY &&
          Date.parse(e.at) > t - 60 * DAY &&
          Math.hypot((e.lat - r.lat) * 111_320, (e.lng - r.lng) * 106_700) < 70,
      );
      expect(original, r.externalId).toBeDefined();
    }
  });

  it('extends a deadline only before it passes, and reminds only overdue reports', () => {
    const world = scenarioWorld();
    const ctx = { categories: world.categories, agencies: world.agencies, area: world.area };
    const reports = new Map<string, Report>();
    let seq = 0;
    let extensions = 0;
    let reminders = 0;
    for (const ev of events) {
      const prev = reports.get(ev.externalId) ?? null;
      if (ev.type === 'extended' && prev) {
        extensions++;
        expect(Date.parse(ev.at), ev.sourceEventId).toBeLessThan(Date.parse(prev.dueAt ?? ''));
        expect(Date.parse(ev.dueAt)).toBeGreaterThan(Date.parse(prev.dueAt ?? ''));
      }
      if (ev.type === 'reminded' && prev) {
        reminders++;
        expect(Date.parse(ev.at), ev.sourceEventId).toBeGreaterThan(Date.parse(prev.dueAt ?? ''));
      }
      const p = prepareEvent(ev, prev, ctx);
      seq++;
      reports.set(ev.externalId, applyEvent(prev, { seq, reportId: prev?.id ?? reports.size + 1, recordedAt: p.at, ...p }));
    }
    expect(extensions).toBeGreaterThan(500);
    expect(reminders).toBeGreaterThan(200);
  });

  it('streams 20,000 reports lazily, in time order', () => {
    const started = performance.now();
    let reports = 0;
    let n = 0;
    let last = 0;
    let outOfOrder = 0;
    for (const ev of createHistory({ seed: 1, end: END, days: 30, scale: 12 }).events()) {
      n++;
      if (ev.type === 'created') reports++;
      const t = Date.parse(ev.at);
      if (t < last) outOfOrder++;
      last = t;
    }
    expect(reports).toBeGreaterThan(18_000);
    expect(n).toBeGreaterThan(4 * reports);
    expect(outOfOrder).toBe(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('yields the first events before generating the rest', () => {
    // a year at 50× is ~1M reports: taking the first few must not generate them all
    const started = performance.now();
    const it = createHistory({ seed: 1, end: END, days: 365, scale: 50 }).events();
    for (let i = 0; i < 1000; i++) it.next();
    expect(performance.now() - started).toBeLessThan(8_000);
  }, 20_000);
});
