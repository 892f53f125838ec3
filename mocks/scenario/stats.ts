import type { EventInput } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import { prepareEvent } from '../../src/shared/domain/ingest';
import type { IngestContext } from '../../src/shared/domain/ingest';
import { timelinessOf } from '../../src/shared/domain/timeliness';
import { applyEvent } from '../../src/shared/domain/workflow';
import { isRepeatDescription } from './text-vi';
import { localDayOf } from './volume';
import { scenarioWorld } from './world';

/**
 * Measures a generated event stream the way the product would see it: every event goes through the real
 * ingest preparation and workflow reducer (so an illegal step is counted, not silently accepted), and the
 * rates are computed from the resulting reports with the product's own timeliness rule.
 */
export interface ScenarioStats {
  events: number;
  reports: number;
  /** reports the rates are computed over (see cohortBefore) */
  cohort: number;
  /** events the ingest refused, with the first few reasons */
  refused: number;
  refusals: string[];
  /** reports created per Vietnam-local day */
  perDay: { min: number; max: number; mean: number; days: number };
  rejectedShare: number;
  urgentShare: number;
  repeatShare: number;
  commentedShare: number;
  transferredShare: number;
  /** among resolved reports */
  resolved: number;
  onTime: number;
  lateExtended: number;
  late: number;
  ratedShare: number;
  /** among rated reports */
  satisfied: number;
  acceptable: number;
  unsatisfied: number;
  /** reopened at least once, among reports that were resolved at least once */
  reopenedShare: number;
  openNow: number;
  overdueNow: number;
  remindedShare: number;
}

/**
 * `cohortBefore`: judge outcomes only for reports received before it. Near the end of a history the fast
 * cases are finished and the slow ones still open, so counting the last weeks would overstate "on time".
 */
export function measureEvents(events: Iterable<EventInput>, now: Date, opts: { cohortBefore?: Date } = {}): ScenarioStats {
  const world = scenarioWorld();
  const ctx: IngestContext = {
    categories: world.categories,
    agencies: world.agencies,
    area: world.area,
    wardCodes: new Set(world.wards.keys()),
    districtCodes: new Set(world.districts.keys()),
    now,
  };
  const reports = new Map<string, Report>();
  const ids = new Map<string, number>();
  const repeat = new Set<string>();
  const transferred = new Set<string>();
  const reminded = new Set<string>();
  const perDay = new Map<number, number>();
  const refusals: string[] = [];
  let refused = 0;
  let seq = 0;
  let count = 0;
  for (const input of events) {
    count++;
    const prev = reports.get(input.externalId) ?? null;
    let prepared;
    try {
      prepared = prepareEvent(input, prev, ctx);
    } catch (e) {
      refused++;
      if (refusals.length < 5) refusals.push(`${input.sourceEventId}: ${(e as Error).message}`);
      continue;
    }
    seq++;
    let reportId = ids.get(input.externalId);
    if (reportId === undefined) {
      reportId = ids.size + 1;
      ids.set(input.externalId, reportId);
    }
    const next = applyEvent(prev, { seq, type: prepared.type, reportId, at: prepared.at, recordedAt: prepared.at, actor: prepared.actor, data: prepared.data });
    reports.set(input.externalId, next);
    if (input.type === 'created') {
      const day = localDayOf(Date.parse(input.at));
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      if (isRepeatDescription(input.description)) repeat.add(input.externalId);
    }
    if (input.type === 'transferred') transferred.add(input.externalId);
    if (input.type === 'reminded') reminded.add(input.externalId);
  }

  const cutoff = opts.cohortBefore?.getTime() ?? Number.POSITIVE_INFINITY;
  const all = [...reports.values()].filter((r) => Date.parse(r.receivedAt) < cutoff);
  const screened = all.filter((r) => r.status !== 'received' || r.verifiedAt !== null);
  const resolved = all.filter((r) => r.status === 'resolved');
  const rated = resolved.filter((r) => r.rating !== null);
  const everResolved = all.filter((r) => r.status === 'resolved' || r.reopenCount > 0);
  const open = all.filter((r) => r.status !== 'resolved' && r.status !== 'rejected');
  const overdue = open.filter((r) => timelinessOf(r, now) === 'overdue');
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  const timeliness = (t: string) => share(resolved.filter((r) => timelinessOf(r, now) === t).length, resolved.length);
  const days = [...perDay.values()];
  return {
    events: count,
    reports: reports.size,
    cohort: all.length,
    refused,
    refusals,
    perDay: {
      min: days.length ? Math.min(...days) : 0,
      max: days.length ? Math.max(...days) : 0,
      mean: share(days.reduce((s, n) => s + n, 0), days.length),
      days: days.length,
    },
    rejectedShare: share(all.filter((r) => r.status === 'rejected').length, screened.length),
    urgentShare: share(all.filter((r) => r.urgent).length, all.length),
    repeatShare: share(all.filter((r) => repeat.has(r.externalId)).length, all.length),
    commentedShare: share(all.filter((r) => r.commentCount > 0).length, all.length),
    transferredShare: share(all.filter((r) => transferred.has(r.externalId)).length, all.filter((r) => r.status !== 'rejected').length),
    resolved: resolved.length,
    onTime: timeliness('on_time'),
    lateExtended: timeliness('late_extended'),
    late: timeliness('late'),
    ratedShare: share(rated.length, resolved.length),
    satisfied: share(rated.filter((r) => r.rating === 'satisfied').length, rated.length),
    acceptable: share(rated.filter((r) => r.rating === 'acceptable').length, rated.length),
    unsatisfied: share(rated.filter((r) => r.rating === 'unsatisfied').length, rated.length),
    reopenedShare: share(all.filter((r) => r.reopenCount > 0).length, everResolved.length),
    openNow: open.length,
    overdueNow: overdue.length,
    remindedShare: share(all.filter((r) => reminded.has(r.externalId)).length, all.length),
  };
}

/** The stats as aligned text lines, for the test log and the stats script. */
export function formatStats(s: ScenarioStats): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `events ${s.events}, reports ${s.reports}, refused by ingest ${s.refused}; rates below over ${s.cohort} reports`,
    `reports/day min ${s.perDay.min} max ${s.perDay.max} mean ${s.perDay.mean.toFixed(1)} over ${s.perDay.days} days`,
    `rejected at screening ${pct(s.rejectedShare)} (target 27–30%)`,
    `resolved ${s.resolved}: on time ${pct(s.onTime)} (≈51%), late with extension ${pct(s.lateExtended)} (38–40%), late ${pct(s.late)} (8–10%)`,
    `rated ${pct(s.ratedShare)} of resolved (55–65%): satisfied ${pct(s.satisfied)} (≈70%), acceptable ${pct(s.acceptable)} (≈18%), unsatisfied ${pct(s.unsatisfied)} (≈12%)`,
    `reopened ${pct(s.reopenedShare)} of resolved (3–5%), commented ${pct(s.commentedShare)} (≈15%), repeats ${pct(s.repeatShare)} (≈8%)`,
    `urgent ${pct(s.urgentShare)} (≈5%), transferred ${pct(s.transferredShare)}, reminded ${pct(s.remindedShare)}`,
    `open at the end ${s.openNow}, of which overdue ${s.overdueNow}`,
  ].join('\n');
}
