import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh, uniquely named PostgreSQL database for one test file, on the server of TEST_DATABASE_URL (a maintenance
 * URL: `npm test` starts a throwaway cluster and sets it; set it yourself to use another server). Without it the
 * tests fail — the PostgreSQL path is part of the product, so it is never skipped silently.
 */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL tests need a server. `npm test` starts a throwaway cluster itself; ' +
        'to run these tests alone, point TEST_DATABASE_URL at a PostgreSQL maintenance database, e.g. postgres://postgres@127.0.0.1:5432/postgres',
    );
  }
  return url;
}

export async function freshDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const admin = testDatabaseUrl();
  const name = `paht_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    // FORCE: a bridge or pool a failed test left open must not keep the database alive
    drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
