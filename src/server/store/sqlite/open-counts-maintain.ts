import type Database from 'better-sqlite3';
import { openStatuses } from '../../../shared/contract/common';
import type { Report } from '../../../shared/contract/report';
import { localDayOfMs } from '../../../shared/domain/rollup-buckets';
import { NO_DUE_DAY, OPEN_COUNTS_FILL_SQL } from './open-counts-schema';

/** The open_counts cell a report counts in (null when it is not open), and whether it counts as being handled. */
export function openCountCell(r: Report): { agencyId: string; categoryId: string; districtCode: string; dueDay: number; inProgress: boolean } | null {
  if (!openStatuses.includes(r.status)) return null;
  return {
    agencyId: r.agencyId ?? '',
    categoryId: r.categoryId,
    districtCode: r.districtCode ?? '',
    dueDay: r.dueAt === null ? NO_DUE_DAY : localDayOfMs(Date.parse(r.dueAt)),
    inProgress: r.status === 'in_progress',
  };
}

interface Delta {
  agencyId: string;
  categoryId: string;
  districtCode: string;
  dueDay: number;
  n: number;
  inProgress: number;
}

export interface OpenCountsBatch {
  /** one applied event: the report leaves its old cell and enters its new one */
  onEvent(prev: Report | null, next: Report): void;
  /** writes the batch's net deltas (inside the ingest transaction) */
  flush(): void;
}

/**
 * Keeps open_counts / open_counts_agency (migration 9) equal to a GROUP BY over the open reports: each event
 * subtracts the report's cell before it and adds its cell after it; a batch writes each touched cell once, and a
 * cell whose count reaches zero is deleted (closed reports and past due days leave nothing behind).
 */
export function createOpenCountsMaintainer(db: Database.Database) {
  const q = {
    upsertFine: db.prepare(
      `INSERT INTO open_counts (agency_id, category_id, district_code, due_day, n, in_progress) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (agency_id, category_id, district_code, due_day) DO UPDATE SET n = n + excluded.n, in_progress = in_progress + excluded.in_progress`,
    ),
    dropFine: db.prepare('DELETE FROM open_counts WHERE agency_id = ? AND category_id = ? AND district_code = ? AND due_day = ? AND n = 0'),
    upsertAgency: db.prepare(
      `INSERT INTO open_counts_agency (agency_id, due_day, n, in_progress) VALUES (?, ?, ?, ?)
       ON CONFLICT (agency_id, due_day) DO UPDATE SET n = n + excluded.n, in_progress = in_progress + excluded.in_progress`,
    ),
    dropAgency: db.prepare('DELETE FROM open_counts_agency WHERE agency_id = ? AND due_day = ? AND n = 0'),
  };

  function batch(): OpenCountsBatch {
    const fine = new Map<string, Delta>();
    const add = (r: Report | null, sign: 1 | -1) => {
      const c = r === null ? null : openCountCell(r);
      if (c === null) return;
      const k = `${c.agencyId}\t${c.categoryId}\t${c.districtCode}\t${c.dueDay}`;
      let d = fine.get(k);
      if (!d) fine.set(k, (d = { agencyId: c.agencyId, categoryId: c.categoryId, districtCode: c.districtCode, dueDay: c.dueDay, n: 0, inProgress: 0 }));
      d.n += sign;
      if (c.inProgress) d.inProgress += sign;
    };
    return {
      onEvent(prev, next) {
        add(prev, -1);
        add(next, 1);
      },
      flush() {
        const byAgency = new Map<string, Delta>();
        for (const [k, d] of fine) {
          if (d.n === 0 && d.inProgress === 0) continue;
          q.upsertFine.run(d.agencyId, d.categoryId, d.districtCode, d.dueDay, d.n, d.inProgress);
          if (d.n < 0) q.dropFine.run(d.agencyId, d.categoryId, d.districtCode, d.dueDay);
          const ak = `${d.agencyId}\t${d.dueDay}`;
          const a = byAgency.get(ak);
          if (a) {
            a.n += d.n;
            a.inProgress += d.inProgress;
          } else byAgency.set(ak, { ...d });
          fine.delete(k);
        }
        fine.clear();
        for (const a of byAgency.values()) {
          if (a.n === 0 && a.inProgress === 0) continue;
          q.upsertAgency.run(a.agencyId, a.dueDay, a.n, a.inProgress);
          if (a.n < 0) q.dropAgency.run(a.agencyId, a.dueDay);
        }
      },
    };
  }

  return {
    batch,
    /** refills both tables from the reports projection (the rollup rebuild) */
    rebuild() {
      db.exec(`DELETE FROM open_counts; DELETE FROM open_counts_agency; ${OPEN_COUNTS_FILL_SQL}`);
    },
  };
}
