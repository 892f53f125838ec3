import type { ReportDetailResponse, ReportFilter, ReportListQuery, ReportListResponse, SummaryResponse } from '../src/shared/contract/api';
import { openStatuses } from '../src/shared/contract/common';
import type { EventInput, IngestResult, LiveEvent, StoredEvent } from '../src/shared/contract/event';
import type { DueSoonQuery, DueSoonResponse, FeedQuery, FeedResponse } from '../src/shared/contract/feed';
import type { DistrictStatsResponse, MapPointsQuery, MapPointsResponse } from '../src/shared/contract/map';
import type { MetaResponse } from '../src/shared/contract/meta';
import type { Report, Reporter } from '../src/shared/contract/report';
import { buildAreaIndex } from '../src/shared/domain/area';
import { DomainError } from '../src/shared/domain/errors';
import { compareForList, matchesFilter } from '../src/shared/domain/filter';
import { prepareEvent } from '../src/shared/domain/ingest';
import type { IngestContext } from '../src/shared/domain/ingest';
import { districtBoundaries, referenceData } from '../src/shared/domain/reference';
import { computeSummary } from '../src/shared/domain/summary';
import { applyEvent } from '../src/shared/domain/workflow';
import { createMemoryRollups } from './memory/backlog-rollups';
import { createMemoryBacklog, type MemoryBacklog } from './memory/backlog-store';
import { dueSoon, recentEvents } from './memory/feed-queries';
import { districtStats, mapPoints } from './memory/map-queries';
import { hotspots } from './memory/hotspot-queries';
import { statsBreakdown, statsKpis, statsTimeseries } from './memory/stats-queries';
import { createMemoryRankings, type MemoryRankings } from './memory/rankings-store';
import { createMemorySatisfaction } from './memory/satisfaction-queries';
import type { SatisfactionSource } from '../src/shared/domain/scoring/satisfaction';
import type { HotspotsQuery, HotspotsResponse } from '../src/shared/contract/hotspots';
import type { BreakdownQuery, BreakdownResponse, KpisQuery, KpisResponse, TimeseriesQuery, TimeseriesResponse } from '../src/shared/contract/stats';
import { createHistory } from './scenario/history';
import { createMockSessions } from './memory/session-store';
import type { MockSessions } from './memory/session-store';

/** Thrown by ingest when one input of a batch is refused; `index` is its position (same as the server's). */
export class MockIngestError extends Error {
  override name = 'MockIngestError';
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export interface MemoryStoreOptions {
  /** scenario seed (the demo and the tests use 2019, the year of the seed article) */
  seed?: number;
  /** days of history to seed; 0 seeds nothing. Keep it small in tests */
  days?: number;
  /** the clock; defaults to the real one */
  now?: () => Date;
}

export interface MemoryStore {
  ingest(inputs: readonly EventInput[], now?: Date): IngestResult[];
  latestSeq(): number;
  eventsAfter(seq: number, limit: number): LiveEvent[];
  getReport(id: number, opts: { withReporter: boolean }): ReportDetailResponse | null;
  listReports(query: ReportListQuery, now?: Date): ReportListResponse;
  summary(now?: Date, period?: { from?: string; to?: string }): SummaryResponse;
  meta(): MetaResponse;
  openReports(): Report[];
  recentEvents(query: FeedQuery): FeedResponse;
  dueSoon(now: Date, query: DueSoonQuery): DueSoonResponse;
  mapPoints(query: MapPointsQuery, now?: Date): MapPointsResponse;
  districtStats(filter: ReportFilter, now?: Date): DistrictStatsResponse;
  statsKpis(query: KpisQuery, now?: Date): KpisResponse;
  statsTimeseries(query: TimeseriesQuery, now?: Date): TimeseriesResponse;
  statsBreakdown(query: BreakdownQuery, now?: Date): BreakdownResponse;
  hotspots(query: HotspotsQuery, now?: Date): HotspotsResponse;
  /** per-unit backlog and overdue, the overdue queue, reminders and notifications (issue 4) */
  backlog: MemoryBacklog;
  now(): Date;
  /** quarterly emulation rankings: the log behind a quarter and the finalised snapshots (decision 0005) */
  readonly rankings: MemoryRankings;
  /** satisfaction statistics and disputes (decision 0005) */
  readonly satisfaction: SatisfactionSource;
  /** accounts, display tokens and the page's one emulated cookie session (issue 6, mocks/memory/session-store.ts) */
  readonly sessions: MockSessions;
  /** called after every stored batch with the new events (what the socket mock streams) */
  onIngested(listener: (events: LiveEvent[]) => void): () => void;
  /** seeding statistics, for the demo's console */
  readonly seeded: { events: number; skipped: number; ms: number };
}

/** Keyset cursor (receivedAt, id), opaque to clients; base64url of JSON like the server's. */
function encodeCursor(r: Report): string {
  const json = JSON.stringify([Date.parse(r.receivedAt), r.id]);
  return btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function decodeCursor(s: string): { receivedAt: number; id: number } {
  try {
    const v: unknown = JSON.parse(atob(s.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && Number.isSafeInteger(v[1])) {
      return { receivedAt: v[0] as number, id: v[1] as number };
    }
  } catch {
    // fall through: not a cursor we issued
  }
  throw new DomainError('invalid', 'is not a cursor this server issued', 'cursor', 400);
}

/**
 * An in-memory store with the behaviour of the real API, over the same shared domain code: the MSW handlers
 * (component tests, contract tests, the server-less demo) answer from it.
 */
export function createMemoryStore(opts: MemoryStoreOptions = {}): MemoryStore {
  const clock = opts.now ?? (() => new Date());
  const ref = referenceData();
  const ctxBase: IngestContext = {
    categories: new Map(ref.categories.map((c) => [c.id, c])),
    agencies: new Map(ref.agencies.map((a) => [a.id, a])),
    area: buildAreaIndex(districtBoundaries(), ref.wards),
    wardCodes: new Set(ref.wards.map((w) => w.code)),
    districtCodes: new Set(ref.districts.map((d) => d.code)),
  };

  const log: StoredEvent[] = [];
  const reports = new Map<number, Report>();
  const byExternal = new Map<string, number>();
  const bySource = new Map<string, { seq: number; reportId: number }>();
  const reporters = new Map<number, Reporter>();
  const listeners = new Set<(events: LiveEvent[]) => void>();
  // per-unit rollups (decision 0004), maintained from each committed batch like the server's
  const rollups = createMemoryRollups();

  const liveOf = (ev: StoredEvent): LiveEvent => ({ ...ev, report: reports.get(ev.reportId) as Report });

  function ingest(inputs: readonly EventInput[], now: Date = clock()): IngestResult[] {
    // staged: nothing is visible until every input of the batch has passed (all-or-nothing)
    const staged = new Map<number, Report>();
    const stagedExternal = new Map<string, number>();
    const stagedSource = new Map<string, { seq: number; reportId: number }>();
    const stagedReporters: [number, Reporter][] = [];
    const events: StoredEvent[] = [];
    const applied: [Report | null, Report, StoredEvent][] = [];
    const results: IngestResult[] = [];
    let seq = log.length;
    let nextReportId = reports.size + 1;
    const ctx: IngestContext = { ...ctxBase, now };
    const recordedAt = now.toISOString();

    inputs.forEach((input, index) => {
      try {
        const known = stagedSource.get(input.sourceEventId) ?? bySource.get(input.sourceEventId);
        if (known) {
          results.push({ sourceEventId: input.sourceEventId, seq: known.seq, reportId: known.reportId, duplicate: true });
          return;
        }
        const id = stagedExternal.get(input.externalId) ?? byExternal.get(input.externalId);
        const prev = id === undefined ? null : (staged.get(id) ?? reports.get(id) ?? null);
        const prepared = prepareEvent(input, prev, ctx);
        // identity never reaches the log, whatever the domain code put in `data`
        const { reporter: _ignored, ...data } = prepared.data;
        const reportId = prev ? prev.id : nextReportId++;
        seq += 1;
        const stored: StoredEvent = { seq, type: prepared.type, reportId, at: prepared.at, recordedAt, actor: prepared.actor, data };
        const next = applyEvent(prev, stored);
        staged.set(reportId, next);
        applied.push([prev, next, stored]);
        if (!prev) stagedExternal.set(input.externalId, reportId);
        if (prepared.reporter) stagedReporters.push([reportId, prepared.reporter]);
        stagedSource.set(input.sourceEventId, { seq, reportId });
        events.push(stored);
        results.push({ sourceEventId: input.sourceEventId, seq, reportId, duplicate: false });
      } catch (err) {
        throw new MockIngestError(index, err);
      }
    });

    for (const [id, r] of staged) reports.set(id, r);
    for (const [ext, id] of stagedExternal) byExternal.set(ext, id);
    for (const [src, v] of stagedSource) bySource.set(src, v);
    for (const [id, who] of stagedReporters) reporters.set(id, who);
    log.push(...events);
    rollups.apply(applied);
    if (events.length > 0 && listeners.size > 0) {
      const live = events.map(liveOf);
      for (const l of [...listeners]) l(live);
    }
    return results;
  }

  /** The generated history may hold an event the rules refuse: drop it alone, like the server's seeding. */
  function ingestSkippingRefused(batch: EventInput[], now: Date): { stored: number; skipped: number } {
    let pending = batch;
    let skipped = 0;
    while (pending.length > 0) {
      try {
        return { stored: ingest(pending, now).filter((r) => !r.duplicate).length, skipped };
      } catch (err) {
        if (!(err instanceof MockIngestError) || !(err.cause instanceof DomainError)) throw err;
        pending = pending.filter((_, i) => i !== err.index);
        skipped += 1;
      }
    }
    return { stored: 0, skipped };
  }

  const seeded = { events: 0, skipped: 0, ms: 0 };
  const days = opts.days ?? 90;
  if (days > 0) {
    const t0 = performance.now();
    const now = clock();
    let batch: EventInput[] = [];
    const flush = () => {
      const r = ingestSkippingRefused(batch, now);
      seeded.events += r.stored;
      seeded.skipped += r.skipped;
      batch = [];
    };
    for (const input of createHistory({ seed: opts.seed ?? 2019, end: now, days }).events()) {
      batch.push(input);
      if (batch.length >= 1000) flush();
    }
    if (batch.length > 0) flush();
    seeded.ms = performance.now() - t0;
  }

  const backlog = createMemoryBacklog({
    agencies: ref.agencies,
    rollups,
    reports: () => reports.values(),
    report: (id) => reports.get(id) ?? null,
    log: () => log,
    latestSeq: () => log.length,
    ingest: (inputs, now) => ingest(inputs, now),
  });

  return {
    ingest,
    backlog,
    sessions: createMockSessions({ now: clock, unitHeadAgencyId: ref.agencies[0]?.id }),
    seeded,
    now: clock,
    latestSeq: () => log.length,
    eventsAfter(after, limit) {
      // seq is gap-free from 1, so the log index is seq - 1
      return log.slice(Math.max(0, after), Math.max(0, after) + limit).map(liveOf);
    },
    getReport(id, { withReporter }) {
      const r = reports.get(id);
      if (!r) return null;
      const detail: ReportDetailResponse = { ...r, events: log.filter((e) => e.reportId === id) };
      const who = reporters.get(id);
      if (withReporter && who) detail.reporter = { ...who };
      return detail;
    },
    listReports(query, now = clock()) {
      const { limit, cursor, ...filter } = query;
      const after = cursor === undefined ? null : decodeCursor(cursor);
      const matching = [...reports.values()].filter((r) => matchesFilter(r, filter, now)).sort(compareForList);
      const start =
        after === null
          ? 0
          : matching.findIndex((r) => {
              const t = Date.parse(r.receivedAt);
              return t < after.receivedAt || (t === after.receivedAt && r.id < after.id);
            });
      const items = start < 0 ? [] : matching.slice(start, start + limit);
      const last = items.at(-1);
      const more = start >= 0 && start + limit < matching.length;
      return { items, nextCursor: more && last ? encodeCursor(last) : null, total: matching.length, seq: log.length };
    },
    summary: (now = clock(), period = {}) => computeSummary(reports.values(), now, log.length, period),
    meta: () => ref,
    // what the simulator can continue: open, or resolved and not yet rated (same as the server)
    openReports: () => [...reports.values()].filter((r) => openStatuses.includes(r.status) || (r.status === 'resolved' && r.rating === null)),
    recentEvents: (query) => recentEvents(log, liveOf, query),
    dueSoon: (now, query) => dueSoon(reports.values(), log.length, now, query),
    mapPoints: (query, now = clock()) => mapPoints(reports.values(), log, query, now),
    districtStats: (filter, now = clock()) => districtStats(reports.values(), ref.districts.map((d) => d.code), log.length, filter, now),
    statsKpis: (query, now = clock()) => statsKpis(reports.values(), log.length, query, now),
    statsTimeseries: (query, now = clock()) => statsTimeseries(reports.values(), log.length, query, now),
    statsBreakdown: (query, now = clock()) => statsBreakdown(reports.values(), log.length, query, now),
    hotspots: (query, now = clock()) => hotspots(reports.values(), log.length, query, now),
    rankings: createMemoryRankings(log, () => ref.agencies),
    satisfaction: createMemorySatisfaction(reports, log, () => ref.agencies),
    onIngested(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
