/**
 * A separate process running the PostgreSQL migrations runner (tests/server/pg-migrations.test.ts): the bridge
 * blocks its thread, so concurrent nodes need processes of their own. Env: URL, START_AT (epoch ms, so several
 * children start together), MIGRATIONS (JSON array of {version,name,sql}). Prints the version reached.
 */
import { applyPgMigrations, type PgMigration } from '../../src/server/store/pg/pg-migrations';
import { openSyncPg } from '../../src/server/store/pg/sync-pg';

const url = process.env.URL ?? '';
const migrations = JSON.parse(process.env.MIGRATIONS ?? '[]') as PgMigration[];
const pg = openSyncPg(url);
const wait = Number(process.env.START_AT ?? 0) - Date.now();
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
const version = applyPgMigrations(pg, migrations);
pg.close();
console.log(JSON.stringify({ version }));
