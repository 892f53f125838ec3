/**
 * Migration 4 (decision 0010): covering indexes for the leadership statistics. Each figure is a COUNT over an
 * index range narrowed by unit, category or district; with those columns in the index the count never reads the
 * report rows (measured: a 30-day count that needs the row's status takes ~120 ms at 220,000 reports a year,
 * ~1 ms from a covering index). The rated and resolved indexes replace narrower ones with the same leading
 * columns (every query those served, these serve), so the table gains two indexes, not four.
 * The position (lat, lng) becomes columns, written once by the insert (a report never moves), so the repeat
 * hotspots read the period's positions from the received index instead of parsing every report document.
 * Released: never edit, add a new migration instead.
 */
export const STATS_MIGRATION = {
  version: 4,
  name: 'covering indexes for period statistics (received, resolved, rated, due) by unit, category and district; report position columns',
  sql: `
      ALTER TABLE reports ADD COLUMN lat REAL;
      ALTER TABLE reports ADD COLUMN lng REAL;
      UPDATE reports SET lat = json_extract(doc, '$.lat'), lng = json_extract(doc, '$.lng');
      CREATE INDEX reports_stats_received ON reports(received_at, status, category_id, agency_id, district_code, lat, lng, resolved_at);
      CREATE INDEX reports_stats_due ON reports(due_at, status, resolved_at, original_due_at, category_id, agency_id, district_code);
      CREATE INDEX reports_stats_resolved ON reports(status, resolved_at, due_at, original_due_at, category_id, agency_id, district_code);
      DROP INDEX reports_resolved;
      CREATE INDEX reports_stats_rated ON reports(rated_at, rating, category_id, agency_id, district_code);
      DROP INDEX reports_rated;
  `,
};
