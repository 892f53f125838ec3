/**
 * Migration 2 (decision 0004): per-unit rollups, the overdue-trend segments, unit contacts and the
 * notification outbox. Kept here so migrations.ts only lists it. Counter columns are in the order of
 * shared/domain/rollup ROLLUP_COUNTERS.
 */
export const ROLLUP_COUNTER_COLUMNS = [
  'received',
  'assigned',
  'rejected',
  'resolved_on_time',
  'resolved_late_extended',
  'resolved_late',
  'rated_satisfied',
  'rated_acceptable',
  'rated_unsatisfied',
  'reminders',
  'overdue_net',
] as const;

const counters = ROLLUP_COUNTER_COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n        ');

export const ROLLUP_MIGRATION = {
  version: 2,
  name: 'per-unit rollups (unit × day × category × district), overdue segments, unit contacts, notifications',
  sql: `
      -- day = Vietnam-local day number (days since 1970-01-01, UTC+7); agency_id '' = still with the centre;
      -- district_code '' = not located. Fine grain for category/district filters ...
      CREATE TABLE rollup_daily (
        day INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        district_code TEXT NOT NULL,
        ${counters},
        PRIMARY KEY (day, agency_id, category_id, district_code)
      ) WITHOUT ROWID;
      -- ... and the same counters per unit × day only, which is what most requests need (30× fewer rows)
      CREATE TABLE rollup_agency_daily (
        day INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        ${counters},
        PRIMARY KEY (day, agency_id)
      ) WITHOUT ROWID;
      -- handling-time histogram (whole working days), so medians are exact
      CREATE TABLE rollup_handling (
        day INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        district_code TEXT NOT NULL,
        working_days INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (day, agency_id, category_id, district_code, working_days)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_agency_handling (
        day INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        working_days INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (day, agency_id, working_days)
      ) WITHOUT ROWID;
      -- the open overdue-trend segment of each open report with a due date (shared/domain/rollup rollupStep)
      CREATE TABLE rollup_overdue_segments (
        report_id INTEGER PRIMARY KEY,
        became_day INTEGER NOT NULL,
        due_at INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        district_code TEXT NOT NULL
      );
      -- 'version': the rollup definition the tables were built with; a store whose log predates the rollups
      -- (or an older definition) is rebuilt from the log when opened
      CREATE TABLE rollup_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT INTO rollup_state (name, value) SELECT 'version', 1 WHERE NOT EXISTS (SELECT 1 FROM events);

      -- leader/officer contacts per unit (src/shared/data/agency-contacts.json): shown to operators only
      CREATE TABLE agency_contacts (agency_id TEXT PRIMARY KEY, doc TEXT NOT NULL);

      -- outbox of reminder notifications: written in the transaction that stores the reminder, so a reminder
      -- is never without its notification; a failed send stays 'failed' (with the error) until retried
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        event_seq INTEGER NOT NULL UNIQUE,
        report_id INTEGER NOT NULL,
        channel TEXT NOT NULL,
        target TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER
      );
      CREATE INDEX notifications_report ON notifications(report_id, id);
      CREATE INDEX notifications_status ON notifications(status, id);
    `,
};

/** SQL for the month index (year × 12 + month − 1) of a local day number: its UTC date is the local date. */
const monthOfDay = (col: string) =>
  `(CAST(strftime('%Y', ${col} * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${col} * 86400, 'unixepoch') AS INTEGER) - 1)`;

/**
 * Migration 5 (decision 0004): the unit × day counters and histogram summed per calendar month, so periods of a
 * quarter or a year read whole months from here and only the edge days from the daily tables (a year: ~1,000 rows
 * of counters and ~40,000 of histogram instead of ~33,000 and ~200,000). Filled from the daily tables.
 */
export const ROLLUP_MONTHLY_MIGRATION = {
  version: 5,
  name: 'per-unit rollups by month (counters and handling-time histogram), filled from the daily ones',
  sql: `
      CREATE TABLE rollup_agency_monthly (
        month INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        ${counters},
        PRIMARY KEY (month, agency_id)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_agency_handling_monthly (
        month INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        working_days INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (month, agency_id, working_days)
      ) WITHOUT ROWID;
      INSERT INTO rollup_agency_monthly (month, agency_id, ${ROLLUP_COUNTER_COLUMNS.join(', ')})
        SELECT ${monthOfDay('day')} AS m, agency_id, ${ROLLUP_COUNTER_COLUMNS.map((c) => `SUM(${c})`).join(', ')}
        FROM rollup_agency_daily GROUP BY m, agency_id;
      INSERT INTO rollup_agency_handling_monthly (month, agency_id, working_days, n)
        SELECT ${monthOfDay('day')} AS m, agency_id, working_days, SUM(n) FROM rollup_agency_handling GROUP BY m, agency_id, working_days;
    `,
};

/**
 * Migration 6: the fine rollups (unit × category × district) by month too, for periods filtered by category or
 * district (a quarter reads two or three months and the edge days instead of ninety days of cells).
 */
export const ROLLUP_FINE_MONTHLY_MIGRATION = {
  version: 6,
  name: 'fine rollups (unit × category × district) by month, filled from the daily ones',
  sql: `
      CREATE TABLE rollup_monthly (
        month INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        district_code TEXT NOT NULL,
        ${counters},
        PRIMARY KEY (month, agency_id, category_id, district_code)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_handling_monthly (
        month INTEGER NOT NULL,
        agency_id TEXT NOT NULL,
        category_id TEXT NOT NULL,
        district_code TEXT NOT NULL,
        working_days INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (month, agency_id, category_id, district_code, working_days)
      ) WITHOUT ROWID;
      INSERT INTO rollup_monthly (month, agency_id, category_id, district_code, ${ROLLUP_COUNTER_COLUMNS.join(', ')})
        SELECT ${monthOfDay('day')} AS m, agency_id, category_id, district_code, ${ROLLUP_COUNTER_COLUMNS.map((c) => `SUM(${c})`).join(', ')}
        FROM rollup_daily GROUP BY m, agency_id, category_id, district_code;
      INSERT INTO rollup_handling_monthly (month, agency_id, category_id, district_code, working_days, n)
        SELECT ${monthOfDay('day')} AS m, agency_id, category_id, district_code, working_days, SUM(n)
        FROM rollup_handling GROUP BY m, agency_id, category_id, district_code, working_days;
    `,
};

/**
 * Migration 7: open reports by due date with their receipt instant, so the backlog's drill-down lists (overdue,
 * ageing, due soon) find their page among the matching reports from the index alone (at a million reports, 3 ms
 * instead of 55 ms for "overdue 16+ working days"). reports_status_due stays: other queries name it.
 */
export const BACKLOG_INDEX_MIGRATION = {
  version: 7,
  name: 'reports by status, due date and receipt (backlog drill-down lists)',
  sql: `CREATE INDEX reports_status_due_received ON reports(status, due_at, received_at);`,
};
