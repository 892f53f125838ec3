import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';

// The real product: built SPA + API + socket.io in one process, demo history seeded, simulator slowed right
// down so the only new report "today" during the test is the one we post.
let server: RunningServer;
let browser: Browser;
let page: Page;

const kpi = async (id: string) => Number(((await page.textContent(`[data-testid="kpi-${id}"]`)) ?? '').replace(/\D/g, ''));

beforeAll(async () => {
  server = await startServer({ port: 18431, env: { DEMO: '1', SIM_SPEED: '0.0001', SEED: '11' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('walking skeleton, end to end', () => {
  it('opens on the dashboard shell in Vietnamese with live KPIs and a connection state', async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="kpi-beingHandled"]');
    // values come from the seeded store, not placeholders
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="kpi-beingHandled"]')?.textContent ?? ''));
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const nav = await page.textContent('nav');
    for (const label of ['Bản đồ', 'Tồn đọng', 'hài lòng', 'Xếp hạng', 'Màn hình tường']) expect(nav).toContain(label);
    const summary = (await (await fetch(`${server.url}/api/v1/stats/summary`)).json()) as { beingHandled: number };
    expect(await kpi('beingHandled')).toBe(summary.beingHandled);
    await page.waitForSelector('text=Đã kết nối');
    await page.screenshot({ path: `${SCREENSHOTS}/skeleton-shell.png` });
  });

  it('a report posted to the ingest API moves "received today" on screen within 2 s', async () => {
    const before = await kpi('receivedToday');
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.ingestToken}` },
      body: JSON.stringify({
        sourceEventId: 'e2e-skeleton-1',
        type: 'created',
        at: new Date().toISOString(),
        externalId: 'E2E-SKELETON-1',
        title: 'Đèn đường không sáng trên đường Lê Lợi',
        description: 'Cả đoạn đường tối om từ tối qua',
        categoryId: JSON.parse(await (await fetch(`${server.url}/api/v1/meta`)).text()).categories[0].id,
        lat: 16.4637,
        lng: 107.5909,
        address: 'Đường Lê Lợi, Phường Phú Hội, Thành phố Huế',
        channel: 'app',
        media: [],
        reporter: { name: 'Trần Thị B', phone: '0905000111' },
      }),
    });
    expect(res.status).toBeLessThan(300);
    const t0 = Date.now();
    await page.waitForFunction(
      (b) => Number((document.querySelector('[data-testid="kpi-receivedToday"]')?.textContent ?? '').replace(/\D/g, '')) === b + 1,
      before,
      { timeout: 2000 },
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    await page.screenshot({ path: `${SCREENSHOTS}/skeleton-after-ingest.png` });
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('nav')).toContain('Live map');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
  });
});
