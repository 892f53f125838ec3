import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ageingBuckets } from '../../../shared/contract/backlog-filter';
import { openStatuses, type ReportStatus } from '../../../shared/contract/common';
import type { EventInput } from '../../../shared/contract/event';
import type { Report } from '../../../shared/contract/report';
import { referenceData } from '../../../shared/domain/reference';
import { ageingOf, dayStartMs, localDayOfMs } from '../../../shared/domain/rollup-buckets';
import { emptyCurrent, type CurrentCounts } from '../../../shared/domain/rollup-stats';
import { isDueSoon, isOverdue } from '../../../shared/domain/timeliness';
import { statusAfter, TRANSITIONS } from '../../../shared/domain/workflow';
import { openSqliteStore, type SqliteStore } from '../sqlite-store';
import { IngestItemError } from '../store';
import { createOpenCountsQueries } from './open-counts-query';

// The open-report counters (migration 9) after random event sequences, in batches of several events, against a
// recomputation from the open reports' documents; and the current backlog figures read from them against the
// shared domain's isDueSoon / isOverdue / ageingOf on every open report, at instants on and around due dates.

const ref = referenceData();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const START = Date.parse('2024-01-25T01:00:00Z'); // the run-up to Tết 2024 (10 Feb): holidays inside the SLAs
const INGEST_NOW = new Date('2024-09-01T00:00:00Z');
const NO_DUE = 1_000_000_000;

const command = fc.record({
  report: fc.nat(40),
  choice: fc.nat(20),
  minutes: fc.integer({ min: 0, max: 60 * 30 }),
  pick: fc.nat(1000),
  urgent: fc.boolean(),
});
const scenario = fc.record({
  batches: fc.array(fc.array(command, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
});

interface Command {
  report: number;
  choice: number;
  minutes: number;
  pick: number;
  urgent: boolean;
}

interface Model {
  status: Map<string, ReportStatus>;
  agency: Map<string, string | null>;
  reportIds: Map<string, number>;
  ids: string[];
  clock: number;
  n: number;
}

/** The next event for a command: a new report, or an event the report's (batch-local) status allows. */
function inputFor(m: Model, cmd: Command, local: Map<string, ReportStatus>, localAgency: Map<string, string | null>): EventInput | null {
  m.clock += cmd.minutes * 60_000;
  const at = new Date(m.clock).toISOString();
  const sourceEventId = `src-${++m.n}`;
  const i = cmd.report % (m.ids.length + 1);
  if (i === m.ids.length || m.ids.length === 0) {
    const externalId = `r-${m.n}`;
    m.ids.push(externalId);
    // a ward's point (located) or a point outside the province (no district)
    const ward = ref.wards[cmd.pick % ref.wards.length];
    const outside = cmd.pick % 9 === 0 || !ward;
    local.set(externalId, 'received');
    localAgency.set(externalId, null);
    return {
      type: 'created',
      sourceEventId,
      externalId,
      at,
      title: 'Đèn đường hỏng',
      description: '',
      categoryId: ref.categories[cmd.choice % ref.categories.length]?.id ?? '',
      lat: outside ? 10.77 : ward.lat,
      lng: outside ? 106.7 : ward.lng,
      address: 'x',
      channel: 'app',
      media: [],
      urgent: cmd.urgent,
    } as EventInput;
  }
  const externalId = m.ids[i] as string;
  const status = local.get(externalId) as ReportStatus;
  const allowed = (Object.keys(TRANSITIONS) as EventInput['type'][]).filter((t) => t !== 'created' && t !== 'commented' && TRANSITIONS[t].from?.includes(status));
  if (allowed.length === 0) return null;
  const type = allowed[cmd.choice % allowed.length] as EventInput['type'];
  local.set(externalId, statusAfter(status, type));
  const agencyIndex = cmd.pick % ref.agencies.length;
  const base = { sourceEventId, externalId, at };
  switch (type) {
    case 'verified':
      // re-classification: a new category (and urgency), so a new deadline
      return { ...base, type, categoryId: ref.categories[cmd.pick % ref.categories.length]?.id, urgent: cmd.urgent } as EventInput;
    case 'rejected':
      return { ...base, type, reason: 'Không thuộc thẩm quyền' } as EventInput;
    case 'assigned':
      localAgency.set(externalId, ref.agencies[agencyIndex]?.id ?? null);
      return { ...base, type, agencyId: ref.agencies[agencyIndex]?.id, coordinatingAgencyIds: [] } as EventInput;
    case 'transferred': {
      // to another unit than the current one
      const current = localAgency.get(externalId);
      const a = ref.agencies[agencyIndex]?.id === current ? ref.agencies[(agencyIndex + 1) % ref.agencies.length] : ref.agencies[agencyIndex];
      localAgency.set(externalId, a?.id ?? null);
      return { ...base, type, agencyId: a?.id, reason: '' } as EventInput;
    }
    case 'extended':
      return { ...base, type, dueAt: new Date(m.clock + (12 + (cmd.pick % 40)) * 86_400_000 + cmd.pick * 3_600_000).toISOString(), reason: '' } as EventInput;
    case 'resolved':
      return { ...base, type, resultText: 'Đã xử lý', media: [] } as EventInput;
    case 'rated':
      return { ...base, type, rating: (['satisfied', 'acceptable', 'unsatisfied'] as const)[cmd.pick % 3] } as EventInput;
    case 'reopened':
      return { ...base, type, reason: '', secondReport: false } as EventInput;
    case 'reminded':
      return { ...base, type, channel: 'sms', target: 'officer', note: '' } as EventInput;
    default:
      return { ...base, type } as EventInput;
  }
}

/** Ingests a batch; an item the store refuses (e.g. an extension not later than the current due date) is dropped. */
function ingestDropping(store: SqliteStore, batch: EventInput[]) {
  for (;;) {
    if (batch.length === 0) return [];
    try {
      return store.ingest(batch, INGEST_NOW).map((r, k) => [(batch[k] as EventInput).externalId, r.reportId] as const);
    } catch (err) {
      if (!(err instanceof IngestItemError)) throw err;
      batch = batch.filter((_, k) => k !== err.index);
    }
  }
}

const cellOf = (r: Report) => [r.agencyId ?? '', r.categoryId, r.districtCode ?? '', r.dueAt === null ? NO_DUE : localDayOfMs(Date.parse(r.dueAt))] as const;

/** open_counts and open_counts_agency recomputed from the open reports' documents (not from SQL columns). */
function recompute(open: Report[]) {
  const fine = new Map<string, [number, number]>();
  const agency = new Map<string, [number, number]>();
  for (const r of open) {
    const [a, c, d, day] = cellOf(r);
    for (const [map, k] of [
      [fine, `${a}|${c}|${d}|${day}`],
      [agency, `${a}|${day}`],
    ] as const) {
      const v = map.get(k) ?? [0, 0];
      v[0] += 1;
      if (r.status === 'in_progress') v[1] += 1;
      map.set(k, v);
    }
  }
  return { fine, agency };
}

function tables(db: Database.Database) {
  const fine = new Map<string, [number, number]>();
  for (const [a, c, d, day, n, p] of db.prepare('SELECT agency_id, category_id, district_code, due_day, n, in_progress FROM open_counts').raw().all() as [string, string, string, number, number, number][]) {
    fine.set(`${a}|${c}|${d}|${day}`, [n, p]);
  }
  const agency = new Map<string, [number, number]>();
  for (const [a, day, n, p] of db.prepare('SELECT agency_id, due_day, n, in_progress FROM open_counts_agency').raw().all() as [string, number, number, number][]) {
    agency.set(`${a}|${day}`, [n, p]);
  }
  return { fine, agency };
}

/** The current figures per unit by the shared domain's definitions, over the open reports the filter selects. */
function bruteCurrent(open: Report[], now: Date, keep: (r: Report) => boolean): Map<string, CurrentCounts> {
  const out = new Map<string, CurrentCounts>();
  for (const r of open) {
    if (!keep(r)) continue;
    const a = r.agencyId ?? '';
    let c = out.get(a);
    if (!c) out.set(a, (c = emptyCurrent()));
    c.open += 1;
    if (r.status === 'in_progress') c.inProgress += 1;
    if (isDueSoon(r, now)) c.dueSoon += 1;
    if (isOverdue(r, now)) c.overdue += 1;
    const b = ageingOf(r, now);
    if (b) c.ageing[b] += 1;
  }
  return out;
}

function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'paht-open-counts-'));
  dirs.push(dir);
  const file = join(dir, 'paht.sqlite');
  const store = openSqliteStore(file);
  const db = new Database(file, { readonly: true });
  return { store, db, close: () => (db.close(), store.close()) };
}

function run(batches: Command[][], check: (store: SqliteStore, db: Database.Database) => void, everyBatch: boolean) {
  const { store, db, close } = freshStore();
  try {
    const m: Model = { status: new Map(), agency: new Map(), reportIds: new Map(), ids: [], clock: START, n: 0 };
    for (const cmds of batches) {
      const local = new Map(m.status);
      const localAgency = new Map(m.agency);
      const batch = cmds.map((c) => inputFor(m, c, local, localAgency)).filter((e): e is EventInput => e !== null);
      for (const [externalId, reportId] of ingestDropping(store, batch)) m.reportIds.set(externalId, reportId);
      // creations the store refused leave no report: forget them; the others are read back as stored
      m.ids = m.ids.filter((id) => m.reportIds.has(id));
      for (const [externalId, reportId] of m.reportIds) {
        const r = store.getReport(reportId, { withReporter: false });
        if (!r) throw new Error(`report ${externalId} is missing`);
        m.status.set(externalId, r.status);
        m.agency.set(externalId, r.agencyId);
      }
      if (everyBatch) check(store, db);
    }
    if (!everyBatch) check(store, db);
  } finally {
    close();
  }
}

describe('open_counts (migration 9)', () => {
  it('after random event sequences equals a recomputation from the open reports, with no empty rows', () => {
    let sawOpen = 0;
    let sawClosed = 0;
    fc.assert(
      fc.property(scenario, ({ batches }) => {
        run(
          batches,
          (store, db) => {
            const open = store.openReports();
            for (const r of open) expect(openStatuses).toContain(r.status);
            sawOpen += open.length;
            sawClosed += store.listReports({ limit: 1 }, INGEST_NOW).total - open.length;
            const expected = recompute(open);
            const actual = tables(db);
            expect(actual.fine).toEqual(expected.fine);
            expect(actual.agency).toEqual(expected.agency);
          },
          true,
        );
      }),
      { numRuns: 40, seed: 4242 },
    );
    // the sequences reached both states (not only creations)
    expect(sawOpen).toBeGreaterThan(0);
    expect(sawClosed).toBeGreaterThan(0);
    // a store per run: seconds on a shared, busy machine
  }, 120_000);

  it('current figures from the counters equal isDueSoon / isOverdue / ageingOf on every open report, at instants around due dates', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.tuple(fc.nat(10_000), fc.integer({ min: -2, max: 2 })), { minLength: 4, maxLength: 10 }), fc.nat(1000), ({ batches }, picks, filterPick) => {
        run(
          batches,
          (store, db) => {
            const open = store.openReports();
            const q = createOpenCountsQueries(db);
            // instants: due dates (and ±1 ms), their day starts, and points between them
            const dues = open.filter((r) => r.dueAt !== null).map((r) => Date.parse(r.dueAt as string));
            const nows = picks.map(([p, d]) => {
              const due = dues.length > 0 ? (dues[p % dues.length] as number) : START;
              if (p % 4 === 0) return new Date(dayStartMs(localDayOfMs(due) + d));
              if (p % 4 === 1) return new Date(due + d * 3_600_000 * 7);
              return new Date(due + d);
            });
            const agencies = [...new Set(open.map((r) => r.agencyId).filter((a): a is string => a !== null))];
            const filters = [
              { f: { agencyIds: null }, keep: () => true },
              { f: { agencyIds: agencies.slice(0, 1 + (filterPick % 3)) }, keep: (r: Report) => r.agencyId !== null && agencies.slice(0, 1 + (filterPick % 3)).includes(r.agencyId) },
              { f: { agencyIds: null, categoryId: open[0]?.categoryId ?? 'x' }, keep: (r: Report) => r.categoryId === (open[0]?.categoryId ?? 'x') },
              { f: { agencyIds: null, districtCode: open[0]?.districtCode ?? '' }, keep: (r: Report) => (r.districtCode ?? '') === (open[0]?.districtCode ?? '') },
            ];
            for (const now of nows) {
              for (const { f, keep } of filters) {
                const actual = q.currentByAgency(f as never, now);
                expect(actual, `${now.toISOString()} ${JSON.stringify(f)}`).toEqual(bruteCurrent(open, now, keep));
              }
              const all = bruteCurrent(open, now, () => true);
              let o = 0;
              let od = 0;
              for (const c of all.values()) {
                o += c.open;
                od += c.overdue;
                expect(ageingBuckets.reduce((s, b) => s + c.ageing[b], 0)).toBe(c.overdue);
              }
              expect(q.openAndOverdue(now)).toEqual({ open: o, overdue: od });
            }
          },
          false,
        );
      }),
      { numRuns: 25, seed: 777 },
    );
  }, 120_000);
});
