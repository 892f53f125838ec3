import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../../shared/contract/event';
import type { Report } from '../../../shared/contract/report';
import { cellKey, RollupAccumulator, rollupStep } from '../../../shared/domain/rollup';
import type { OverdueSegment, RollupKey } from '../../../shared/domain/rollup';
import { monthOfDay } from '../../../shared/domain/rollup-buckets';
import { applyEvent } from '../../../shared/domain/workflow';
import { createOpenCountsMaintainer } from './open-counts-maintain';
import { ROLLUP_COUNTER_COLUMNS } from './rollup-schema';

/** Bump when the rollup definition changes: stores built with another version are rebuilt from the log on open. */
export const ROLLUP_VERSION = 1;

export interface RollupBatch {
  /** one applied event: `prev` is the report before it (null for created), `next` after it */
  onEvent(prev: Report | null, next: Report, ev: StoredEvent): void;
  /** writes the batch's deltas; call once, inside the ingest transaction, after the last event */
  flush(): void;
}

export interface RollupMaintainer {
  batch(): RollupBatch;
  /** rebuilds every rollup from the event log when the tables were built by another definition (or never) */
  rebuildIfStale(log?: { info: (msg: string) => void }): boolean;
}

interface SegmentRow {
  became_day: number;
  due_at: number;
  agency_id: string;
  category_id: string;
  district_code: string;
}

const toSegment = (r: SegmentRow): OverdueSegment => ({
  becameDay: r.became_day,
  dueMs: r.due_at,
  agencyId: r.agency_id,
  categoryId: r.category_id,
  districtCode: r.district_code,
});

/**
 * Keeps the rollup tables (decision 0004) in step with the event log. Deltas are summed per cell in memory and
 * each touched cell is upserted once per batch, inside the ingest transaction, so rollups and log never differ.
 */
export function createRollupMaintainer(db: Database.Database): RollupMaintainer {
  const cols = ROLLUP_COUNTER_COLUMNS;
  // the open reports per unit × category × district × due day (migration 9): the backlog's current figures
  const openCounts = createOpenCountsMaintainer(db);
  const params = cols.map(() => '?').join(', ');
  const increments = cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
  const q = {
    upsertFine: db.prepare(
      `INSERT INTO rollup_daily (day, agency_id, category_id, district_code, ${cols.join(', ')}) VALUES (?, ?, ?, ?, ${params})
       ON CONFLICT (day, agency_id, category_id, district_code) DO UPDATE SET ${increments}`,
    ),
    upsertAgency: db.prepare(
      `INSERT INTO rollup_agency_daily (day, agency_id, ${cols.join(', ')}) VALUES (?, ?, ${params})
       ON CONFLICT (day, agency_id) DO UPDATE SET ${increments}`,
    ),
    upsertFineMonth: db.prepare(
      `INSERT INTO rollup_monthly (month, agency_id, category_id, district_code, ${cols.join(', ')}) VALUES (?, ?, ?, ?, ${params})
       ON CONFLICT (month, agency_id, category_id, district_code) DO UPDATE SET ${increments}`,
    ),
    upsertHandlingMonth: db.prepare(
      `INSERT INTO rollup_handling_monthly (month, agency_id, category_id, district_code, working_days, n) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (month, agency_id, category_id, district_code, working_days) DO UPDATE SET n = n + excluded.n`,
    ),
    upsertAgencyMonth: db.prepare(
      `INSERT INTO rollup_agency_monthly (month, agency_id, ${cols.join(', ')}) VALUES (?, ?, ${params})
       ON CONFLICT (month, agency_id) DO UPDATE SET ${increments}`,
    ),
    upsertAgencyHandlingMonth: db.prepare(
      `INSERT INTO rollup_agency_handling_monthly (month, agency_id, working_days, n) VALUES (?, ?, ?, ?)
       ON CONFLICT (month, agency_id, working_days) DO UPDATE SET n = n + excluded.n`,
    ),
    upsertHandling: db.prepare(
      `INSERT INTO rollup_handling (day, agency_id, category_id, district_code, working_days, n) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, agency_id, category_id, district_code, working_days) DO UPDATE SET n = n + excluded.n`,
    ),
    upsertAgencyHandling: db.prepare(
      `INSERT INTO rollup_agency_handling (day, agency_id, working_days, n) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, agency_id, working_days) DO UPDATE SET n = n + excluded.n`,
    ),
    segment: db.prepare('SELECT became_day, due_at, agency_id, category_id, district_code FROM rollup_overdue_segments WHERE report_id = ?'),
    putSegment: db.prepare(
      `INSERT INTO rollup_overdue_segments (report_id, became_day, due_at, agency_id, category_id, district_code) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (report_id) DO UPDATE SET became_day = excluded.became_day, due_at = excluded.due_at, agency_id = excluded.agency_id,
         category_id = excluded.category_id, district_code = excluded.district_code`,
    ),
    dropSegment: db.prepare('DELETE FROM rollup_overdue_segments WHERE report_id = ?'),
    version: db.prepare("SELECT value FROM rollup_state WHERE name = 'version'").pluck(),
    setVersion: db.prepare("INSERT INTO rollup_state (name, value) VALUES ('version', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
    eventsByReport: db.prepare('SELECT seq, type, report_id, at, recorded_at, actor, data FROM events WHERE report_id > ? ORDER BY report_id, seq LIMIT ?'),
  };

  function write(acc: RollupAccumulator, segments: Map<number, OverdueSegment | null>) {
    // the unit × day table is the fine table summed over category and district; the monthly tables sum days
    const byAgency = new Map<string, { day: number; agencyId: string; values: number[] }>();
    const fineByMonth = new Map<string, { month: number; key: RollupKey; values: number[] }>();
    const addInto = <T extends { values: number[] }>(map: Map<string, T>, k: string, values: readonly number[], make: () => T) => {
      const cur = map.get(k);
      if (cur) values.forEach((v, i) => (cur.values[i] = (cur.values[i] ?? 0) + v));
      else map.set(k, make());
    };
    for (const { key, values } of acc.changedCells()) {
      q.upsertFine.run(key.day, key.agencyId, key.categoryId, key.districtCode, ...values);
      addInto(byAgency, `${key.day}\t${key.agencyId}`, values, () => ({ day: key.day, agencyId: key.agencyId, values: [...values] }));
      const month = monthOfDay(key.day);
      addInto(fineByMonth, `${month}\t${key.agencyId}\t${key.categoryId}\t${key.districtCode}`, values, () => ({ month, key, values: [...values] }));
    }
    for (const m of fineByMonth.values()) {
      if (m.values.some((v) => v !== 0)) q.upsertFineMonth.run(m.month, m.key.agencyId, m.key.categoryId, m.key.districtCode, ...m.values);
    }
    const byMonth = new Map<string, { month: number; agencyId: string; values: number[] }>();
    for (const a of byAgency.values()) {
      if (!a.values.some((v) => v !== 0)) continue;
      q.upsertAgency.run(a.day, a.agencyId, ...a.values);
      const month = monthOfDay(a.day);
      const k = `${month}\t${a.agencyId}`;
      const m = byMonth.get(k);
      if (m) a.values.forEach((v, i) => (m.values[i] = (m.values[i] ?? 0) + v));
      else byMonth.set(k, { month, agencyId: a.agencyId, values: [...a.values] });
    }
    for (const m of byMonth.values()) if (m.values.some((v) => v !== 0)) q.upsertAgencyMonth.run(m.month, m.agencyId, ...m.values);
    const handlingByAgency = new Map<string, { day: number; agencyId: string; workingDays: number; n: number }>();
    const handlingFineByMonth = new Map<string, { month: number; key: RollupKey; workingDays: number; n: number }>();
    for (const h of acc.changedHandling()) {
      q.upsertHandling.run(h.key.day, h.key.agencyId, h.key.categoryId, h.key.districtCode, h.workingDays, h.n);
      const k = `${h.key.day}\t${h.key.agencyId}\t${h.workingDays}`;
      const a = handlingByAgency.get(k);
      if (a) a.n += h.n;
      else handlingByAgency.set(k, { day: h.key.day, agencyId: h.key.agencyId, workingDays: h.workingDays, n: h.n });
      const month = monthOfDay(h.key.day);
      const mk = `${month}\t${cellKey(h.key)}\t${h.workingDays}`;
      const m = handlingFineByMonth.get(mk);
      if (m) m.n += h.n;
      else handlingFineByMonth.set(mk, { month, key: h.key, workingDays: h.workingDays, n: h.n });
    }
    for (const m of handlingFineByMonth.values()) {
      if (m.n !== 0) q.upsertHandlingMonth.run(m.month, m.key.agencyId, m.key.categoryId, m.key.districtCode, m.workingDays, m.n);
    }
    const handlingByMonth = new Map<string, { month: number; agencyId: string; workingDays: number; n: number }>();
    for (const a of handlingByAgency.values()) {
      if (a.n === 0) continue;
      q.upsertAgencyHandling.run(a.day, a.agencyId, a.workingDays, a.n);
      const month = monthOfDay(a.day);
      const k = `${month}\t${a.agencyId}\t${a.workingDays}`;
      const m = handlingByMonth.get(k);
      if (m) m.n += a.n;
      else handlingByMonth.set(k, { month, agencyId: a.agencyId, workingDays: a.workingDays, n: a.n });
    }
    for (const m of handlingByMonth.values()) if (m.n !== 0) q.upsertAgencyHandlingMonth.run(m.month, m.agencyId, m.workingDays, m.n);
    for (const [reportId, s] of segments) {
      if (s === null) q.dropSegment.run(reportId);
      else q.putSegment.run(reportId, s.becameDay, s.dueMs, s.agencyId, s.categoryId, s.districtCode);
    }
    acc.clear();
    segments.clear();
  }

  function batch(): RollupBatch {
    const acc = new RollupAccumulator();
    /** the open segment of every report the batch touched, as it stands after the batch's events so far */
    const segments = new Map<number, OverdueSegment | null>();
    const open = openCounts.batch();
    return {
      onEvent(prev, next, ev) {
        open.onEvent(prev, next);
        let seg = segments.get(ev.reportId);
        if (seg === undefined) {
          const row = prev === null ? undefined : (q.segment.get(ev.reportId) as SegmentRow | undefined);
          seg = row ? toSegment(row) : null;
        }
        const step = rollupStep(prev, next, ev, seg);
        acc.add(step);
        segments.set(ev.reportId, step.segment);
      },
      flush: () => {
        write(acc, segments);
        open.flush();
      },
    };
  }

  function rebuild() {
    for (const t of [
      'rollup_daily',
      'rollup_agency_daily',
      'rollup_handling',
      'rollup_agency_handling',
      'rollup_monthly',
      'rollup_handling_monthly',
      'rollup_agency_monthly',
      'rollup_agency_handling_monthly',
      'rollup_overdue_segments',
    ]) {
      db.exec(`DELETE FROM ${t}`);
    }
    const acc = new RollupAccumulator();
    const segments = new Map<number, OverdueSegment | null>();
    // one report at a time (events by report, then seq): memory stays bounded whatever the size of the log
    let after = 0;
    let report: Report | null = null;
    let reportId = 0;
    let seg: OverdueSegment | null = null;
    const closeReport = () => {
      if (reportId !== 0) segments.set(reportId, seg);
    };
    for (;;) {
      const rows = q.eventsByReport.all(after, 20_000) as {
        seq: number;
        type: StoredEvent['type'];
        report_id: number;
        at: string;
        recorded_at: string;
        actor: string | null;
        data: string;
      }[];
      if (rows.length === 0) break;
      // a page may end in the middle of a report: finish that report on the next page
      const last = rows[rows.length - 1] as (typeof rows)[number];
      const complete = rows.length < 20_000 ? rows : rows.filter((r) => r.report_id !== last.report_id);
      const page = complete.length > 0 ? complete : rows;
      for (const r of page) {
        if (r.report_id !== reportId) {
          closeReport();
          reportId = r.report_id;
          report = null;
          seg = null;
        }
        const ev: StoredEvent = { seq: r.seq, type: r.type, reportId: r.report_id, at: r.at, recordedAt: r.recorded_at, actor: r.actor, data: JSON.parse(r.data) as Record<string, unknown> };
        const next = applyEvent(report, ev);
        const step = rollupStep(report, next, ev, seg);
        acc.add(step);
        seg = step.segment;
        report = next;
      }
      after = (page[page.length - 1] as (typeof rows)[number]).report_id;
      if (acc.cells.size > 200_000) {
        closeReport();
        reportId = 0;
        write(acc, segments);
      }
    }
    closeReport();
    write(acc, segments);
    openCounts.rebuild();
    q.setVersion.run(ROLLUP_VERSION);
  }

  return {
    batch,
    rebuildIfStale(log) {
      if (q.version.get() === ROLLUP_VERSION) return false;
      const t0 = performance.now();
      db.transaction(rebuild).immediate();
      log?.info(`rollups rebuilt from the event log in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return true;
    },
  };
}
