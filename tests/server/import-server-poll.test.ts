import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureRecords, startFixtureServer, type FixtureServer } from '../fixtures/open311/fixture-server';
import { startServer, type RunningServer } from '../e2e/support/server';

const ROOT = join(import.meta.dirname, '../..');
const PORT = 18601;

// the real product: main.ts reads OPEN311_* and runs the poller next to the API
describe('the server polls an Open311 endpoint (OPEN311_URL)', () => {
  let src: FixtureServer;
  let server: RunningServer;
  beforeAll(async () => {
    src = await startFixtureServer(loadFixtureRecords('hue-requests.json'), { port: 18602 });
    server = await startServer({
      port: PORT,
      env: {
        DEMO: '0',
        OPEN311_URL: src.url,
        OPEN311_POLL_SECONDS: '5',
        OPEN311_MAPPING: join(ROOT, 'tests/fixtures/open311/mapping.json'),
        OPEN311_SOURCE: 'hue311',
        OPEN311_INITIAL_DAYS: '3650',
      },
    });
  });
  afterAll(async () => {
    await server.stop();
    await src.close();
  });

  const total = async (q = '') => ((await (await fetch(`${server.url}/api/v1/reports?limit=1${q}`)).json()) as { total: number }).total;

  it('imports at start, then picks up a change at the next poll', async () => {
    const deadline = Date.now() + 20_000;
    while ((await total()) < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await total()).toBe(8);
    expect(await total('&status=resolved')).toBe(4);

    const records = loadFixtureRecords('hue-requests.json');
    Object.assign(records[0] as object, { status: 'closed', status_notes: 'Đã thu gom.', updated_datetime: new Date(Date.now() - 60_000).toISOString() });
    src.setRecords(records);
    const until = Date.now() + 20_000;
    while ((await total('&status=resolved')) < 5 && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(await total('&status=resolved')).toBe(5);
    expect(src.queries.every((q) => q.has('updated_after'))).toBe(true);
  });

  it('the import CLI finds the running server on $PORT by itself', async () => {
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/server/import/spreadsheet/cli.ts', '--file', 'tests/fixtures/sheets/paht-2019.csv', '--mapping', 'tests/fixtures/sheets/mapping-csv.json', '--json'],
        { cwd: ROOT, env: { ...process.env, PORT: String(PORT), INGEST_TOKEN: server.ingestToken, DATA_DIR: server.dataDir } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ importedEvents: 11, where: `the server at http://127.0.0.1:${PORT} (POST /api/v1/events)` });
    expect(await total()).toBe(12);
  });
});
