import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/server/store/pg-store';
import { loadFixtureRecords, startFixtureServer, type FixtureServer } from '../fixtures/open311/fixture-server';
import { freshDatabase } from '../support/pg';

// `npm run import:open311` with DATABASE_URL and no server running: straight into the shared PostgreSQL log
// (decision 0013), where every node then finds it; a second run stores nothing.
const FIXTURES = join(import.meta.dirname, '../fixtures/open311');
let src: FixtureServer;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const dir = mkdtempSync(join(tmpdir(), 'paht-open311-pg-'));

beforeAll(async () => {
  src = await startFixtureServer(loadFixtureRecords('hue-requests.json', 'spec-requests.json', 'malformed-requests.json'));
  database = await freshDatabase();
});
afterAll(async () => {
  await src.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/import/open311/cli.ts', ...args], {
      cwd: join(import.meta.dirname, '../..'),
      // nothing listens on that port: the import writes directly
      env: { ...process.env, PORT: '18698', DATA_DIR: join(dir, 'cli'), DATABASE_URL: database.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

describe('Open311 import into the PostgreSQL store', () => {
  it('writes into the shared log that a node then reads, and a second run stores nothing', async () => {
    const args = ['--url', src.url, '--from', '2024-01-01', '--to', '2024-06-30', '--mapping', join(FIXTURES, 'mapping.json'), '--source', 'hue311', '--json'];
    const first = await cli(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ importedEvents: 32 });
    // a node starting on the database (its own, empty read model) sees the import
    const node = openPgStore({ url: database.url, replicaFile: join(dir, 'node.sqlite') });
    try {
      expect(node.latestSeq()).toBe(32);
      expect(new Set(node.listReports({ limit: 100 }, new Date()).items.map((r) => r.externalId)).size).toBe(14);
    } finally {
      node.close();
    }
    const second = await cli(args);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ importedEvents: 0 });
  }, 60_000);
});
