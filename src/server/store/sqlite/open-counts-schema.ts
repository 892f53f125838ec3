import { openStatuses } from '../../../shared/contract/common';

/** `due_day` of an open report without a due date: later than any real day, so it is never overdue nor due soon. */
export const NO_DUE_DAY = 1_000_000_000;

const OPEN_LIST = openStatuses.map((s) => `'${s}'`).join(', ');
/** SQL for the local day number (UTC+7, shared/domain/rollup-buckets localDayOfMs) of `due_at`, NO_DUE_DAY when null. */
const DUE_DAY_SQL = `COALESCE((due_at + 25200000) / 86400000, ${NO_DUE_DAY})`;

/**
 * Fills both tables from the reports projection (the migration, and the rollup rebuild after a definition change).
 * due_at is epoch ms > 0, so SQLite's integer division is the floor that localDayOfMs takes.
 */
export const OPEN_COUNTS_FILL_SQL = `
      INSERT INTO open_counts (agency_id, category_id, district_code, due_day, n, in_progress)
        SELECT COALESCE(agency_id, ''), category_id, COALESCE(district_code, ''), ${DUE_DAY_SQL} AS d, COUNT(*), SUM(status = 'in_progress')
        FROM reports WHERE status IN (${OPEN_LIST}) GROUP BY 1, 2, 3, 4;
      INSERT INTO open_counts_agency (agency_id, due_day, n, in_progress)
        SELECT agency_id, due_day, SUM(n), SUM(in_progress) FROM open_counts GROUP BY agency_id, due_day;
`;

/**
 * Migration 9 (decision 0004, "current figures from counters"): open reports counted per unit × category ×
 * district × local due day, and per unit × due day, maintained in the ingest transaction by the rollup maintainer.
 * The backlog's and the KPI strip's current figures (open, being handled, due soon, overdue now, ageing) become
 * sums over these few thousand rows plus an exact count of the reports due on the day "now" (or another
 * boundary that is not a day start) falls in, instead of a pass over every open report. A row whose count falls
 * to zero is deleted, so the tables hold only what is open. Filled from the reports when applied.
 */
export const OPEN_COUNTS_MIGRATION = {
  version: 9,
  name: 'open reports counted per unit × category × district × due day, and per unit × due day (current backlog figures)',
  sql: `
      CREATE TABLE open_counts (
        agency_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        district_code TEXT NOT NULL,
        due_day INTEGER NOT NULL,
        n INTEGER NOT NULL,
        in_progress INTEGER NOT NULL,
        PRIMARY KEY (agency_id, category_id, district_code, due_day)
      ) WITHOUT ROWID;
      CREATE TABLE open_counts_agency (
        agency_id TEXT NOT NULL,
        due_day INTEGER NOT NULL,
        n INTEGER NOT NULL,
        in_progress INTEGER NOT NULL,
        PRIMARY KEY (agency_id, due_day)
      ) WITHOUT ROWID;
      ${OPEN_COUNTS_FILL_SQL}
    `,
};
