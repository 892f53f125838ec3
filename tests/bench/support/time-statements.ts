import Database from 'better-sqlite3';

/**
 * Wraps every statement prepared from now on (any connection of this process) so each all/get/run reports its
 * duration under its SQL text (whitespace folded): the profile scripts' way to see where a call spends its time.
 */
export function timeStatements(record: (sql: string, ms: number) => void): void {
  const proto = Database.prototype as unknown as { prepare: (sql: string) => Database.Statement };
  const prepare = proto.prepare;
  proto.prepare = function (this: Database.Database, sql: string) {
    const stmt = prepare.call(this, sql);
    const key = sql.replace(/\s+/g, ' ').trim();
    for (const m of ['all', 'get', 'run'] as const) {
      const orig = (stmt[m] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        const t = performance.now();
        try {
          return orig(...args);
        } finally {
          record(key, performance.now() - t);
        }
      };
    }
    return stmt;
  };
}
