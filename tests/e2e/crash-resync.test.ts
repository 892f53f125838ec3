/**
 * The live stream after an outage the server cannot replay, in Chromium against the real server:
 * - the server is stopped, more than MAX_REPLAY events are written to its store meanwhile, and it comes back: the
 *   page reconnects by itself, is told `live:resync` (too far behind), re-snapshots — the KPIs equal the server's
 *   figures again — and the connection indicator says the data was reloaded and why;
 * - the server comes back with its store replaced (empty): `live:resync` (ahead of the server), the figures drop to
 *   the new store's, the live feed drops the old store's events, and the indicator says the server's data was
 *   replaced.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MAX_REPLAY } from '../../src/shared/contract/socket';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { created } from '../server/fixtures';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ port: 18626, env: { DEMO: '0' } });
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.ingestToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(Array.from({ length: 5 }, () => created({ at: new Date(Date.now() - 600_000).toISOString() }))),
  });
  expect(res.status).toBe(201);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
}, 180_000);

afterAll(async () => {
  // the server first: a browser that is slow to close must not leave it running
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 15_000))]);
});

const kpi = async (id: string) => Number(((await page.textContent(`[data-testid="kpi-${id}"]`)) ?? '').replace(/\D/g, ''));
const serverSummary = async () => (await (await fetch(`${server.url}/api/v1/stats/summary`)).json()) as { receivedToday: number; beingHandled: number };

describe('live:resync in the browser', () => {
  it('after an outage longer than the replay window: reconnects, re-snapshots and says so', async () => {
    await page.goto(`${server.url}/map`);
    await page.waitForSelector('text=Đã kết nối');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="kpi-beingHandled"]')?.textContent ?? ''));
    expect(await kpi('beingHandled')).toBe(5);
    expect(await page.locator('[data-testid="live-resynced"]').count()).toBe(0);

    await server.stop('SIGTERM');
    // while the server is down, its store grows past what a resubscribing client may be replayed
    const store = openSqliteStore(join(server.dataDir, 'paht.sqlite'));
    const at = new Date(Date.now() - 300_000).toISOString();
    const n = MAX_REPLAY + 500;
    for (let i = 0; i < n; i += 1000) store.ingest(Array.from({ length: Math.min(1000, n - i) }, () => created({ at }) as never), new Date());
    store.close();
    await server.restart();

    const notice = page.locator('[data-testid="live-resynced"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/^Đã tải lại toàn bộ dữ liệu lúc \d\d:\d\d(:\d\d)? \(mất kết nối quá lâu để bù từng sự kiện\)$/);
    await page.waitForSelector('text=Đã kết nối');
    // the figures are the server's again (re-snapshotted, not patched event by event)
    const summary = await serverSummary();
    await page.waitForFunction((v) => (document.querySelector('[data-testid="kpi-beingHandled"]')?.textContent ?? '').replace(/\D/g, '') === String(v), summary.beingHandled, { timeout: 20_000 });
    expect(await kpi('receivedToday')).toBe(summary.receivedToday);
    await page.locator('header').first().screenshot({ path: `${SCREENSHOTS}/resync-too-far-behind.png` });
  }, 120_000);

  it('after the server came back with another store: re-snapshots and says the server’s data was replaced', async () => {
    await server.stop('SIGTERM');
    for (const f of ['paht.sqlite', 'paht.sqlite-wal', 'paht.sqlite-shm']) rmSync(join(server.dataDir, f), { force: true });
    await server.restart();
    const notice = page.locator('[data-testid="live-resynced"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="live-resynced"]')?.textContent ?? '').includes('dữ liệu máy chủ đã được thay mới'), undefined, { timeout: 30_000 });
    expect(await notice.textContent()).toContain('Đã tải lại toàn bộ dữ liệu lúc');
    await page.waitForFunction(() => (document.querySelector('[data-testid="kpi-beingHandled"]')?.textContent ?? '').replace(/\D/g, '') === '0', undefined, { timeout: 20_000 });
    // the live feed starts over too: its items were the old store's reports (their ids are now free for others)
    await page.waitForFunction(() => !(document.querySelector('#map-tabpanel-feed')?.textContent ?? '').includes('Rác thải ùn ứ'), undefined, { timeout: 20_000 });
    await page.getByRole('button', { name: 'English' }).click();
    expect(await notice.textContent()).toMatch(/^All data reloaded at .+ \(the server’s data was replaced\)$/);
    await page.screenshot({ path: `${SCREENSHOTS}/resync-server-replaced.png` });
  }, 120_000);
});
