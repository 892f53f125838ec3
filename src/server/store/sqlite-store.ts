import Database from 'better-sqlite3';
import type { ReportListQuery, ReportListResponse, ReportDetailResponse, SummaryResponse } from '../../shared/contract/api';
import { openStatuses } from '../../shared/contract/common';
import type { EventInput, IngestResult, LiveEvent, StoredEvent } from '../../shared/contract/event';
import type { Agency, Category, MetaResponse } from '../../shared/contract/meta';
import type { Report, Reporter } from '../../shared/contract/report';
import { buildAreaIndex } from '../../shared/domain/area';
import { searchTextOf } from '../../shared/domain/filter';
import { prepareEvent, type IngestContext } from '../../shared/domain/ingest';
import { districtBoundaries, referenceData } from '../../shared/domain/reference';
import { periodBounds } from '../../shared/domain/summary';
import { applyEvent } from '../../shared/domain/workflow';
import { decodeCursor, encodeCursor, filterToSql } from './list-query';
import { applyMigrations, assertSchemaCurrent } from './migrations';
import { createRollupMaintainer } from './sqlite/rollup-maintain';
import { createSqliteBacklog } from './sqlite/backlog-store';
import { createSqliteAuth } from './sqlite/auth-store';
import { countWhere } from './sqlite/backlog-filter-sql';
import { createFeedQueries } from './sqlite/feed-queries';
import { createMapQueries } from './sqlite/map-queries';
import { IngestItemError, type Store } from './store';
import { hotspots } from './sqlite/hotspot-queries';
import { statsBreakdown, statsKpis, statsTimeseries } from './sqlite/stats-queries';
import { createRankingStore } from './sqlite/rankings-store';
import { createSatisfactionQueries } from './sqlite/satisfaction-queries';
import { createSummaryCounts } from './sqlite/summary-counts';

interface EventRow {
  seq: number;
  type: StoredEvent['type'];
  report_id: number;
  at: string;
  recorded_at: string;
  actor: string | null;
  data: string;
}

const toStored = (r: EventRow): StoredEvent => ({
  seq: r.seq,
  type: r.type,
  reportId: r.report_id,
  at: r.at,
  recordedAt: r.recorded_at,
  actor: r.actor,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

/** An event of the shared log as a replica receives it: the stored event, its source id and, for a new report, its reporter. */
export interface ReplicatedEvent extends StoredEvent {
  sourceEventId: string;
  reporter: Reporter | null;
}

/** What a node needs to keep its SQLite read model in step with a shared log (decision 0013). */
export interface ReplicaOps {
  /** validates and numbers a batch exactly as ingest would, from the current state, and stores nothing */
  dryRun(inputs: readonly EventInput[], now: Date): { results: IngestResult[]; events: ReplicatedEvent[] };
  /** writes events numbered elsewhere, in one transaction; the first must follow latestSeq() exactly */
  apply(events: readonly ReplicatedEvent[]): void;
  /** the source event id of the event at `seq` (null: no such event) */
  sourceEventIdOf(seq: number): string | null;
}

export interface SqliteStore extends Store {
  replica: ReplicaOps;
  /** runs `fn` in one IMMEDIATE write transaction; ingests inside it are savepoints (the writer worker's group commit, decision 0014) */
  writeGroup<T>(fn: () => T): T;
}

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** What one write transaction has changed, written once per report at the end of the batch. */
interface Touched {
  report: Report;
  isNew: boolean;
  searchDirty: boolean;
}

/** Page cache of the store's connection in MB (env SQLITE_CACHE_MB, 16–65536, default 256). */
export function sqliteCacheMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SQLITE_CACHE_MB;
  const n = raw === undefined || raw.trim() === '' ? 256 : Number(raw);
  if (!Number.isInteger(n) || n < 16 || n > 65536) throw new Error(`SQLITE_CACHE_MB must be a whole number of MB between 16 and 65536, got "${raw}"`);
  return n;
}

const OPEN_PARAMS = openStatuses.map(() => '?').join(', ');

/**
 * Opens (creating if needed) the SQLite store at `file` (':memory:' works for quick tests).
 * Reference data is upserted on every open so the product works with no demo data and picks up new units
 * and categories; rows are never deleted because old reports keep pointing at them.
 */
export function openSqliteStore(
  file: string,
  opts: {
    readOnly?: boolean;
    /** where the store's own writes of events (an operator's reminder) go: a shared log's ingest (decision 0013) */
    ingestVia?: (inputs: readonly EventInput[], now: Date) => IngestResult[];
  } = {},
): SqliteStore {
  // read-only: a second connection to a store another connection writes (the read workers, decision 0012): it
  // never migrates, seeds or rebuilds anything, and its write methods fail with SQLITE_READONLY
  const readOnly = opts.readOnly === true;
  const db = readOnly ? new Database(file, { readonly: true, fileMustExist: true }) : new Database(file);
  if (!readOnly) {
    db.pragma('journal_mode = WAL');
    // FULL: an event acknowledged to the source (HTTP 200/201) must survive a power cut; with NORMAL the last
    // transactions before a crash can be lost in WAL mode and the source would not resend them
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MB: at a province's whole history (GBs of reports and indexes) nearly every
  // ingest and every aggregate would go to the OS for its index pages. SQLITE_CACHE_MB (default 256) per process.
  db.pragma(`cache_size = -${sqliteCacheMb() * 1024}`);
  db.pragma('temp_store = MEMORY');
  if (readOnly) assertSchemaCurrent(db);
  else applyMigrations(db);
  // per-unit rollups (decision 0004): maintained in the ingest transaction; rebuilt from the log if stale
  const rollups = createRollupMaintainer(db);
  if (!readOnly) {
    rollups.rebuildIfStale();
    // a long-lived connection should let SQLite gather planner statistics once at start
    db.pragma('optimize = 0x10002');
  }

  const ref = referenceData();
  if (!readOnly) db.transaction(() => {
    const upA = db.prepare('INSERT INTO agencies (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc');
    for (const a of ref.agencies) upA.run(a.id, JSON.stringify(a));
    const upC = db.prepare('INSERT INTO categories (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc');
    for (const c of ref.categories) upC.run(c.id, JSON.stringify(c));
  }).immediate();
  const agencies = (db.prepare('SELECT doc FROM agencies ORDER BY rowid').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Agency);
  const categories = (db.prepare('SELECT doc FROM categories ORDER BY rowid').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Category);
  const meta: MetaResponse = { agencies, categories, districts: ref.districts, wards: ref.wards };
  const baseCtx: IngestContext = {
    categories: new Map(categories.map((c) => [c.id, c])),
    agencies: new Map(agencies.map((a) => [a.id, a])),
    area: buildAreaIndex(districtBoundaries(), ref.wards),
    wardCodes: new Set(ref.wards.map((w) => w.code)),
    districtCodes: new Set(ref.districts.map((d) => d.code)),
  };

  const q = {
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS v FROM events').pluck(),
    maxReportId: db.prepare('SELECT COALESCE(MAX(id), 0) AS v FROM reports').pluck(),
    bySource: db.prepare('SELECT seq, report_id FROM events WHERE source_event_id = ?'),
    sourceOf: db.prepare('SELECT source_event_id FROM events WHERE seq = ?').pluck(),
    docByExternal: db.prepare('SELECT doc FROM reports WHERE external_id = ?').pluck(),
    docById: db.prepare('SELECT doc FROM reports WHERE id = ?').pluck(),
    insertEvent: db.prepare(
      `INSERT INTO events (seq, source_event_id, type, report_id, at, recorded_at, actor, data)
       VALUES (@seq, @sourceEventId, @type, @reportId, @at, @recordedAt, @actor, @data)`,
    ),
    insertReport: db.prepare(
      `INSERT INTO reports (id, external_id, status, category_id, agency_id, district_code, ward_code, received_at,
         due_at, original_due_at, resolved_at, rating, rated_at, search_text, last_seq, doc, lat, lng)
       VALUES (@id, @externalId, @status, @categoryId, @agencyId, @districtCode, @wardCode, @receivedAt,
         @dueAt, @originalDueAt, @resolvedAt, @rating, @ratedAt, @searchText, @lastSeq, @doc, @lat, @lng)`,
    ),
    updateReport: db.prepare(
      `UPDATE reports SET status = @status, category_id = @categoryId, agency_id = @agencyId, district_code = @districtCode,
         ward_code = @wardCode, received_at = @receivedAt, due_at = @dueAt, original_due_at = @originalDueAt,
         resolved_at = @resolvedAt, rating = @rating, rated_at = @ratedAt, last_seq = @lastSeq, doc = @doc
       WHERE id = @id`,
    ),
    updateSearch: db.prepare('UPDATE reports SET search_text = ? WHERE id = ?'),
    insertReporter: db.prepare('INSERT INTO reporters (report_id, name, phone) VALUES (?, ?, ?)'),
    reporterOf: db.prepare('SELECT name, phone FROM reporters WHERE report_id = ?'),
    eventsOf: db.prepare('SELECT * FROM events WHERE report_id = ? ORDER BY seq'),
    eventsAfter: db.prepare(
      `SELECT e.*, r.doc FROM events e JOIN reports r ON r.id = e.report_id WHERE e.seq > ? ORDER BY e.seq LIMIT ?`,
    ),
    eventPage: db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    openDocs: db.prepare(
      `SELECT doc FROM reports WHERE status IN (${OPEN_PARAMS}) ORDER BY id`,
    ).pluck(),
    anyEvent: db.prepare('SELECT 1 FROM events LIMIT 1').pluck(),
  };

  const feed = createFeedQueries(db);

  const map = createMapQueries(db, ref.districts.map((d) => d.code));

  const reportRow = (r: Report) => ({
    id: r.id,
    externalId: r.externalId,
    status: r.status,
    categoryId: r.categoryId,
    agencyId: r.agencyId,
    districtCode: r.districtCode,
    wardCode: r.wardCode,
    receivedAt: Date.parse(r.receivedAt),
    dueAt: ms(r.dueAt),
    originalDueAt: ms(r.originalDueAt),
    resolvedAt: ms(r.resolvedAt),
    rating: r.rating,
    ratedAt: ms(r.ratedAt),
    lastSeq: r.lastSeq,
    doc: JSON.stringify(r),
    // the position is set at creation and never moves (only the insert writes it; migration 4, decision 0010)
    lat: r.lat,
    lng: r.lng,
  });

  const storedSource = (sourceEventId: string) => {
    const row = q.bySource.get(sourceEventId) as { seq: number; report_id: number } | undefined;
    return row && { seq: row.seq, reportId: row.report_id };
  };

  /**
   * One write transaction's bookkeeping: the reports it has touched (each written once at the end, however many
   * of its events the batch holds), reporters of new reports, rollup deltas. Events enter the store only through
   * `write`, whether prepared here (ingest) or elsewhere (a replica applying the shared log, decision 0013).
   */
  const batchWriter = () => {
    const touched = new Map<number, Touched>();
    const idByExternal = new Map<string, number>();
    const reporters: [number, Reporter][] = [];
    const rollup = rollups.batch();
    const current = (t: Touched | undefined, doc: string | undefined): Touched | undefined =>
      t ?? (doc === undefined ? undefined : { report: JSON.parse(doc) as Report, isNew: false, searchDirty: false });
    return {
      byExternal(externalId: string): Report | null {
        const id = idByExternal.get(externalId);
        const t = id === undefined ? undefined : touched.get(id);
        return current(t, t ? undefined : (q.docByExternal.get(externalId) as string | undefined))?.report ?? null;
      },
      write(stored: StoredEvent, sourceEventId: string, reporter: Reporter | null): void {
        const t = current(touched.get(stored.reportId), touched.has(stored.reportId) ? undefined : (q.docById.get(stored.reportId) as string | undefined));
        const prev = t?.report ?? null;
        const next = applyEvent(prev, stored);
        rollup.onEvent(prev, next, stored);
        q.insertEvent.run({ ...stored, sourceEventId, data: JSON.stringify(stored.data) });
        const textChanged = !prev || prev.title !== next.title || prev.description !== next.description || prev.address !== next.address;
        touched.set(stored.reportId, { report: next, isNew: t?.isNew ?? !prev, searchDirty: (t?.searchDirty ?? false) || (!!prev && textChanged) });
        idByExternal.set(next.externalId, stored.reportId);
        if (reporter) reporters.push([stored.reportId, reporter]);
      },
      flush(): void {
        for (const t of touched.values()) {
          const row = reportRow(t.report);
          // folding the text is the costliest part of a row: only for new reports and edited texts
          if (t.isNew) {
            q.insertReport.run({ ...row, searchText: searchTextOf(t.report) });
          } else {
            q.updateReport.run(row);
            if (t.searchDirty) q.updateSearch.run(searchTextOf(t.report), row.id);
          }
        }
        for (const [id, r] of reporters) q.insertReporter.run(id, r.name, r.phone);
        rollup.flush();
      },
    };
  };

  const ingestCore = (inputs: readonly EventInput[], now: Date, capture?: ReplicatedEvent[]): IngestResult[] => {
    let seq = q.maxSeq.get() as number;
    let nextReportId = (q.maxReportId.get() as number) + 1;
    const recordedAt = now.toISOString();
    const ctx: IngestContext = { ...baseCtx, now };
    const bySource = new Map<string, { seq: number; reportId: number }>();
    const w = batchWriter();
    const results: IngestResult[] = [];
    inputs.forEach((input, index) => {
      try {
        const known = bySource.get(input.sourceEventId) ?? storedSource(input.sourceEventId);
        if (known) {
          results.push({ sourceEventId: input.sourceEventId, seq: known.seq, reportId: known.reportId, duplicate: true });
          return;
        }
        const prev = w.byExternal(input.externalId);
        const prepared = prepareEvent(input, prev, ctx);
        // belt and braces: identity must never reach the log, whatever the domain code puts in `data`
        const { reporter: _ignored, ...data } = prepared.data;
        const reportId = prev ? prev.id : nextReportId++;
        seq += 1;
        const stored: StoredEvent = { seq, type: prepared.type, reportId, at: prepared.at, recordedAt, actor: prepared.actor, data };
        const reporter = prepared.reporter ?? null;
        w.write(stored, input.sourceEventId, reporter);
        capture?.push({ ...stored, sourceEventId: input.sourceEventId, reporter });
        bySource.set(input.sourceEventId, { seq, reportId });
        results.push({ sourceEventId: input.sourceEventId, seq, reportId, duplicate: false });
      } catch (err) {
        throw new IngestItemError(index, err);
      }
    });
    w.flush();
    return results;
  };
  // run with .immediate: it reads (the last seq, the reports) before it writes, and another connection may write
  // the same file (the writer worker, decision 0014); a DEFERRED one would fail with SQLITE_BUSY_SNAPSHOT, which
  // busy_timeout does not retry. Inside an open transaction it is a savepoint whatever the mode.
  const ingestTx = db.transaction((inputs: readonly EventInput[], now: Date): IngestResult[] => ingestCore(inputs, now));

  const applyTx = db.transaction((events: readonly ReplicatedEvent[]): void => {
    let seq = q.maxSeq.get() as number;
    const w = batchWriter();
    for (const e of events) {
      // the shared log is gap-free: anything else means this replica missed or repeated an event
      if (e.seq !== seq + 1) throw new Error(`replica: event seq ${e.seq} does not follow ${seq}`);
      const { sourceEventId, reporter, ...stored } = e;
      w.write(stored, sourceEventId, reporter);
      seq = e.seq;
    }
    w.flush();
  });

  const replica: ReplicaOps = {
    dryRun(inputs, now) {
      // a savepoint rolled back whatever happens: validation and numbering exactly as a real ingest, nothing kept
      const events: ReplicatedEvent[] = [];
      db.exec('SAVEPOINT replica_dry_run');
      try {
        const results = db.transaction(() => ingestCore(inputs, now, events))();
        return { results, events };
      } finally {
        db.exec('ROLLBACK TO replica_dry_run');
        db.exec('RELEASE replica_dry_run');
      }
    },
    apply: (events) => {
      if (events.length > 0) applyTx.immediate(events);
    },
    sourceEventIdOf: (seq) => (q.sourceOf.get(seq) as string | undefined) ?? null,
  };

  const listTx = db.transaction((query: ReportListQuery, now: Date): ReportListResponse => {
    const { limit, cursor, ...filter } = query;
    const f = filterToSql(filter, now);
    const page = { where: f.where, params: [...f.params] };
    if (cursor !== undefined) {
      const c = decodeCursor(cursor);
      page.where += ' AND (received_at < ? OR (received_at = ? AND id < ?))';
      page.params.push(c.receivedAt, c.receivedAt, c.id);
    }
    // the page's ids first, then only their documents: a filter matching many reports (drill-downs) must not
    // drag every matching document through the sort
    const rows = cached(
      `SELECT id, received_at, doc FROM reports WHERE id IN (SELECT id FROM reports WHERE ${page.where} ORDER BY received_at DESC, id DESC LIMIT ?) ORDER BY received_at DESC, id DESC`,
    ).all(
      ...page.params,
      limit + 1,
    ) as { id: number; received_at: number; doc: string }[];
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const total = cached(`SELECT COUNT(*) FROM reports WHERE ${countWhere(f.where, filter)}`).pluck().get(...f.params) as number;
    return {
      items: items.map((r) => JSON.parse(r.doc) as Report),
      nextCursor: more && last ? encodeCursor({ receivedAt: last.received_at, id: last.id }) : null,
      total,
      // read in the same transaction as the rows, so a client can subscribe from exactly this point
      seq: q.maxSeq.get() as number,
    };
  });

  // the list query's shape varies with the filters given; the number of shapes is small and bounded
  const stmtCache = new Map<string, Database.Statement>();
  const cached = (sql: string) => {
    let s = stmtCache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      stmtCache.set(sql, s);
    }
    return s;
  };

  // open/overdue from the open-report counters, period counts from the rollups (sqlite/summary-counts)
  const summaryCounts = createSummaryCounts(db);
  const summaryTx = db.transaction((now: Date, period: { from?: string; to?: string }): SummaryResponse => {
    const b = periodBounds(now);
    const from = period.from ? Date.parse(period.from) : b.monthStart.getTime();
    const to = period.to ? Date.parse(period.to) : b.nextMonthStart.getTime();
    return {
      seq: q.maxSeq.get() as number,
      asOf: now.toISOString(),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      ...summaryCounts(now, from, to),
    };
  });

  const detailTx = db.transaction((id: number, withReporter: boolean): ReportDetailResponse | null => {
    const doc = q.docById.get(id) as string | undefined;
    if (doc === undefined) return null;
    const events = (q.eventsOf.all(id) as EventRow[]).map(toStored);
    const detail: ReportDetailResponse = { ...(JSON.parse(doc) as Report), events };
    if (withReporter) {
      const who = q.reporterOf.get(id) as Reporter | undefined;
      if (who) detail.reporter = { name: who.name, phone: who.phone };
    }
    return detail;
  });

  const backlog = createSqliteBacklog(db, {
    readOnly,
    agencies,
    ingest: opts.ingestVia ?? ((inputs, now) => ingestTx.immediate(inputs, now)),
    report: (id) => {
      const doc = q.docById.get(id) as string | undefined;
      return doc === undefined ? null : (JSON.parse(doc) as Report);
    },
    latestSeq: () => q.maxSeq.get() as number,
  });

  return {
    ingest: (inputs, now) => ingestTx.immediate(inputs, now),
    writeGroup: <T,>(fn: () => T): T => db.transaction(fn).immediate(),
    replica,
    backlog,
    auth: createSqliteAuth(db),
    latestSeq: () => q.maxSeq.get() as number,
    eventsAfter(after, limit) {
      const rows = q.eventsAfter.all(after, limit) as (EventRow & { doc: string })[];
      const docs = new Map<number, Report>();
      return rows.map((row): LiveEvent => {
        let report = docs.get(row.report_id);
        if (!report) {
          report = JSON.parse(row.doc) as Report;
          docs.set(row.report_id, report);
        }
        return { ...toStored(row), report };
      });
    },
    getReport: (id, opts) => detailTx(id, opts.withReporter),
    listReports: (query, now) => listTx(query, now),
    summary: (now, period) => summaryTx(now, period),
    meta: () => meta,
    openReports: () => (q.openDocs.all(...openStatuses) as string[]).map((d) => JSON.parse(d) as Report),
    recentEvents: (query) => feed.recentEvents(query),
    dueSoon: (now, query) => feed.dueSoon(now, query),
    mapPoints: (query, now) => map.mapPoints(query, now),
    districtStats: (filter, now) => map.districtStats(filter, now),
    statsKpis: (query, now) => statsKpis(db, query, now),
    statsTimeseries: (query, now) => statsTimeseries(db, query, now),
    statsBreakdown: (query, now) => statsBreakdown(db, query, now),
    hotspots: (query, now) => hotspots(db, query, now),
    rankings: createRankingStore(db, () => meta.agencies),
    satisfaction: createSatisfactionQueries(db, () => meta.agencies),
    *allEvents() {
      // paged, so other statements can run between pages (an open iterate() would lock the connection)
      let after = 0;
      for (;;) {
        const rows = q.eventPage.all(after, 1000) as EventRow[];
        if (rows.length === 0) return;
        for (const r of rows) yield toStored(r);
        after = rows.at(-1)?.seq ?? after;
      }
    },
    isEmpty: () => q.anyEvent.get() === undefined,
    snapshot: <T,>(fn: () => T): T => db.transaction(fn)(),
    close() {
      if (!db.open) return;
      // keeps the planner's statistics fresh (cheap: it only analyses what changed a lot)
      if (!readOnly) db.pragma('optimize');
      db.close();
    },
  };
}
