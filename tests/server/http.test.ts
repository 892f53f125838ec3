import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { healthResponse } from '../../src/shared/contract/api';
import { metaResponse } from '../../src/shared/contract/meta';
import { created } from './fixtures';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

describe('HTTP basics', () => {
  it('reports health with the latest seq', async () => {
    const before = await s.get('/api/health');
    expect(healthResponse.parse(before.body)).toEqual({ status: 'ok', seq: s.store.latestSeq() });
    await s.ingest(created());
    expect((await s.get('/api/health')).body.seq).toBe(before.body.seq + 1);
  });

  it('serves the reference data, with DEMO off and nothing ingested', async () => {
    const res = await s.get('/api/v1/meta');
    const meta = metaResponse.parse(res.body);
    expect(meta.districts).toHaveLength(9);
    expect(meta.wards.length).toBeGreaterThanOrEqual(150);
    expect(meta.agencies.length).toBeGreaterThan(0);
    expect(meta.categories.length).toBeGreaterThan(0);
  });

  it('answers 404 JSON for an unknown report and an unknown API route, 400 for a bad id', async () => {
    const missing = await s.get('/api/v1/reports/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: 'not_found', message: expect.stringContaining('999999') });
    const bad = await s.get('/api/v1/reports/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('id');
    expect((await s.get('/api/v1/reports/0')).status).toBe(400);
    const route = await s.get('/api/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.error).toBe('not_found');
  });

  it('says how to build the SPA when dist/ is missing', async () => {
    const res = await s.get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('npm run build');
  });
});

describe('SPA hosting', () => {
  let dir: string;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paht-spa-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>PAHT</title>');
    writeFileSync(join(dir, 'dist', 'assets', 'app-abc123.js'), 'console.log(1)');
    const store = openSqliteStore(join(dir, 'db.sqlite'));
    const app = createApp({
      store,
      clock: () => new Date(),
      config: { host: '127.0.0.1', port: 0, ingestToken: 'i', operatorToken: 'o', liveBatchMs: 50 },
      staticDir: join(dir, 'dist'),
    });
    url = await app.listen();
    close = async () => {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(() => close());

  it('serves files, falls back to index.html for client routes, and keeps /api 404s as JSON', async () => {
    const root = await fetch(`${url}/`);
    expect(await root.text()).toContain('<title>PAHT</title>');
    const asset = await fetch(`${url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const deep = await fetch(`${url}/backlog/overdue?x=1`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>PAHT</title>');
    const api = await fetch(`${url}/api/v2/whatever`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
    const post = await fetch(`${url}/somewhere`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});
