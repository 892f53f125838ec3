import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { openMigratedPg } from '../../../src/server/store/pg/pg-migrations';

/** one CSV field as PostgreSQL's COPY reads it: NULL unquoted-empty, everything else quoted */
const field = (v: string | number | null): string => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);

/** Streams rows into `COPY <table> FROM STDIN (FORMAT csv)` through psql, respecting the pipe's backpressure. */
async function copyInto(url: string, table: string, columns: string[], rows: Iterable<(string | number | null)[]>): Promise<number> {
  const psql = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const done = new Promise<void>((resolve, reject) => psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql \\copy ${table} exited with ${code}`)))));
  let n = 0;
  let chunk: string[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const ok = psql.stdin.write(chunk.join(''));
    chunk = [];
    if (!ok) await new Promise<void>((r) => psql.stdin.once('drain', () => r()));
  };
  for (const row of rows) {
    chunk.push(`${row.map(field).join(',')}\n`);
    n++;
    if (chunk.length >= 5000) await flush();
  }
  await flush();
  psql.stdin.end();
  await done;
  return n;
}

/**
 * Loads the event log and reporters of a SQLite store into a fresh PostgreSQL database (decision 0013: the columns
 * mirror SQLite's), so a node given a copy of the same SQLite file as its read model starts without a rebuild.
 */
export async function loadLogIntoPg(sqliteFile: string, url: string): Promise<{ events: number; reporters: number }> {
  openMigratedPg(url).close();
  const db = new Database(sqliteFile, { readonly: true });
  try {
    const events = await copyInto(
      url,
      'events',
      ['seq', 'source_event_id', 'type', 'report_id', 'at', 'recorded_at', 'actor', 'data'],
      db.prepare('SELECT seq, source_event_id, type, report_id, at, recorded_at, actor, data FROM events ORDER BY seq').raw().iterate() as Iterable<(string | number | null)[]>,
    );
    const reporters = await copyInto(
      url,
      'reporters',
      ['report_id', 'seq', 'name', 'phone'],
      db
        .prepare(`SELECT r.report_id, (SELECT MIN(e.seq) FROM events e WHERE e.report_id = r.report_id), r.name, r.phone FROM reporters r ORDER BY r.report_id`)
        .raw()
        .iterate() as Iterable<(string | number | null)[]>,
    );
    return { events, reporters };
  } finally {
    db.close();
  }
}
