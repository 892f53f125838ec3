import Database from 'better-sqlite3';

/** What the importer remembers of one request: the report it became and the version last imported. */
export interface RequestState {
  reportId: number;
  fingerprint: string;
  expectedAt: string | null;
}

/**
 * The Open311 importer's own memory, kept apart from the report store (DATA_DIR/open311-state.sqlite) so the
 * store interface stays the only seam to the reports: per source, the newest updated_datetime polled, and per
 * request the report id and the version last imported. Losing it is safe — event ids are deterministic, so an
 * import run again stores nothing twice — it only costs re-checking every request (decision 0007).
 */
export interface Open311State {
  get(source: string, requestId: string): RequestState | null;
  put(source: string, requestId: string, s: RequestState): void;
  watermark(source: string): string | null;
  setWatermark(source: string, updatedAt: string): void;
  close(): void;
}

export function openOpen311State(file: string): Open311State {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS open311_requests (
      source TEXT NOT NULL,
      request_id TEXT NOT NULL,
      report_id INTEGER NOT NULL,
      fingerprint TEXT NOT NULL,
      expected_at TEXT,
      PRIMARY KEY (source, request_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS open311_sources (
      source TEXT PRIMARY KEY,
      watermark TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
  const q = {
    get: db.prepare('SELECT report_id, fingerprint, expected_at FROM open311_requests WHERE source = ? AND request_id = ?'),
    put: db.prepare(
      `INSERT INTO open311_requests (source, request_id, report_id, fingerprint, expected_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(source, request_id) DO UPDATE SET report_id = excluded.report_id, fingerprint = excluded.fingerprint, expected_at = excluded.expected_at`,
    ),
    watermark: db.prepare('SELECT watermark FROM open311_sources WHERE source = ?').pluck(),
    setWatermark: db.prepare(
      'INSERT INTO open311_sources (source, watermark) VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET watermark = excluded.watermark',
    ),
  };
  return {
    get(source, requestId) {
      const row = q.get.get(source, requestId) as { report_id: number; fingerprint: string; expected_at: string | null } | undefined;
      return row ? { reportId: row.report_id, fingerprint: row.fingerprint, expectedAt: row.expected_at } : null;
    },
    put: (source, requestId, s) => void q.put.run(source, requestId, s.reportId, s.fingerprint, s.expectedAt),
    watermark: (source) => (q.watermark.get(source) as string | undefined) ?? null,
    setWatermark: (source, updatedAt) => void q.setWatermark.run(source, updatedAt),
    close: () => db.close(),
  };
}

/** A state that remembers nothing (dry runs, tests of the stateless path). */
export function memoryOpen311State(): Open311State {
  const requests = new Map<string, RequestState>();
  const marks = new Map<string, string>();
  return {
    get: (source, id) => requests.get(`${source}\u0000${id}`) ?? null,
    put: (source, id, s) => void requests.set(`${source}\u0000${id}`, s),
    watermark: (source) => marks.get(source) ?? null,
    setWatermark: (source, w) => void marks.set(source, w),
    close: () => {},
  };
}
