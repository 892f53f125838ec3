import type { ReportFilter, ReportListQuery, ReportListResponse, SummaryResponse, ReportDetailResponse } from '../../shared/contract/api';
import type { EventInput, IngestResult, LiveEvent, StoredEvent } from '../../shared/contract/event';
import type { DueSoonQuery, DueSoonResponse, FeedQuery, FeedResponse } from '../../shared/contract/feed';
import type { DistrictStatsResponse, MapPointsQuery, MapPointsResponse } from '../../shared/contract/map';
import type { HotspotsQuery, HotspotsResponse } from '../../shared/contract/hotspots';
import type { MetaResponse } from '../../shared/contract/meta';
import type { Report } from '../../shared/contract/report';
import type { BacklogStore } from './sqlite/backlog-store';
import type { AuthStore } from './sqlite/auth-store';
import type { BreakdownQuery, BreakdownResponse, KpisQuery, KpisResponse, TimeseriesQuery, TimeseriesResponse } from '../../shared/contract/stats';
import type { RankingStore } from './sqlite/rankings-store';
import type { SatisfactionSource } from '../../shared/domain/scoring/satisfaction';

/**
 * The storage seam: SQLite today, PostgreSQL behind the same interface later. Every method is synchronous
 * because better-sqlite3 is; the live stream relies on that (an ingest and the broadcast bookkeeping never
 * interleave). A networked implementation will need this to become async.
 */
export interface Store {
  /**
   * Appends the inputs to the event log and updates the projections, all in one transaction: either every
   * input is stored or none is (the thrown error names the failing input's index). Idempotent on
   * sourceEventId: a repeat returns the original seq and reportId with duplicate: true and stores nothing.
   * Later inputs may refer to reports created earlier in the same batch. Inputs must already have passed
   * the contract schema (eventInput: defaults filled in); the domain checks happen here.
   */
  ingest(inputs: readonly EventInput[], now: Date): IngestResult[];
  /** seq of the newest event, 0 when the log is empty */
  latestSeq(): number;
  /** events with seq > `seq`, oldest first, each with its report's current public fields */
  eventsAfter(seq: number, limit: number): LiveEvent[];
  getReport(id: number, opts: { withReporter: boolean }): ReportDetailResponse | null;
  listReports(query: ReportListQuery, now: Date): ReportListResponse;
  summary(now: Date, period: { from?: string; to?: string }): SummaryResponse;
  meta(): MetaResponse;
  /** reports waiting on the centre or a unit (received, assigned, in progress, reopened): the simulator continues them */
  openReports(): Report[];
  /** the newest events (seq < before), newest first, with their reports' public fields: the live feed's backfill */
  recentEvents(query: FeedQuery): FeedResponse;
  /** open reports that become overdue within the window after `now`, soonest first (the feed's overdue timers) */
  dueSoon(now: Date, query: DueSoonQuery): DueSoonResponse;
  /** every open report and those closed in the period that match the filter, as compact columns (the live map) */
  mapPoints(query: MapPointsQuery, now: Date): MapPointsResponse;
  /** open and overdue reports per district matching the filter (the map's choropleth) */
  districtStats(filter: ReportFilter, now: Date): DistrictStatsResponse;
  /** a period's figures and the previous period's of the same length, with overdue now (leadership statistics) */
  statsKpis(query: KpisQuery, now: Date): KpisResponse;
  /** received / resolved / missed-deadline counts per day, week or month (at most MAX_SERIES_POINTS) */
  statsTimeseries(query: TimeseriesQuery, now: Date): TimeseriesResponse;
  /** a period's figures per category, district or handling unit, adding up to the total */
  statsBreakdown(query: BreakdownQuery, now: Date): BreakdownResponse;
  /** repeat hotspots: same-category reports clustered within a radius and a time window */
  hotspots(query: HotspotsQuery, now: Date): HotspotsResponse;
  /** quarterly emulation rankings: the events behind a quarter and the finalised snapshots (decision 0005) */
  rankings: RankingStore;
  /** satisfaction statistics and disputes (decision 0005) */
  satisfaction: SatisfactionSource;
  /** per-unit backlog and overdue, the overdue queue, reminders and their notifications (issue 4, decision 0004) */
  backlog: BacklogStore;
  /** accounts, sessions and display tokens (issue 6, decision 0011) */
  auth: AuthStore;
  /** the whole log in seq order, read in pages (for replay checks) */
  allEvents(): IterableIterator<StoredEvent>;
  isEmpty(): boolean;
  /**
   * Stores whose log is shared with other nodes (PostgreSQL, decision 0013): bring this node's read model up to
   * the log now, returning how many events arrived. Absent on a store that is the log itself.
   */
  pull?(): number;
  /** runs `fn` in one read transaction, so every statement in it sees the same commit (read workers, decision 0012) */
  snapshot<T>(fn: () => T): T;
  close(): void;
}

/** Thrown by ingest when one input of a batch is refused; `index` is its position in the batch. */
export class IngestItemError extends Error {
  override name = 'IngestItemError';
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
