/**
 * The live map against the real product (built SPA + API + socket.io, demo history): a report posted to the
 * ingest API is drawn on the map and listed in the feed within 2 s; clicking its point opens the detail;
 * screenshots at 1600×900 and 1920×1080 with no tile server (the boundary layer is the whole base map).
 * Run `npx vite build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const post = async (body: unknown) => {
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.ingestToken}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as { results: { seq: number; reportId: number }[] };
};

/** Where a position is on screen (the map's test hook). */
const project = (lat: number, lng: number) =>
  page.evaluate(
    ([la, ln]) => {
      const el = document.querySelector('.leaflet-container') as (HTMLElement & { pahtProject(a: number, b: number): { x: number; y: number } }) | null;
      const p = el?.pahtProject(la as number, ln as number);
      const box = el?.getBoundingClientRect();
      return p && box ? { x: box.left + p.x, y: box.top + p.y } : null;
    },
    [lat, lng],
  );

const mapTotal = async () => Number((/^[\d.]+/.exec((await page.textContent('[data-testid="map-total"]')) ?? '')?.[0] ?? '').replace(/\D/g, ''));

beforeAll(async () => {
  // demo history, simulator slowed right down: the only new reports during the test are the ones we post
  server = await startServer({ port: Number(process.env.E2E_PORT ?? 18502), env: { DEMO: '1', SIM_SPEED: '0.0001', SEED: '31' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('live map, end to end', () => {
  it('draws a report posted to the ingest API within 2 s (and lists it in the feed), and clicking it opens the detail', async () => {
    await page.goto(`${server.url}/map`);
    await page.waitForSelector('[data-testid="map-total"]');
    await page.waitForSelector('text=Đã kết nối');
    const before = await mapTotal();
    const api = (await (await fetch(`${server.url}/api/v1/map/points?period=7d`)).json()) as { count: number };
    expect(before).toBe(api.count);

    await page.evaluate(() => {
      const w = window as unknown as { __drawn: number[] };
      w.__drawn = [];
      window.addEventListener('paht:map-drawn', (e) => w.__drawn.push(...(e as CustomEvent<{ ids: number[] }>).detail.ids));
    });
    const meta = (await (await fetch(`${server.url}/api/v1/meta`)).json()) as { categories: { id: string }[] };
    const title = 'Cây xanh ngã đổ chắn ngang đường Lê Lợi';
    const lat = 16.4637;
    const lng = 107.5868;
    const t0 = Date.now();
    const { results } = await post({
      sourceEventId: 'e2e-map-1',
      type: 'created',
      at: new Date().toISOString(),
      externalId: 'E2E-MAP-1',
      title,
      description: 'Cây đổ sau cơn mưa lớn, xe máy không qua được.',
      categoryId: meta.categories[2]?.id,
      lat,
      lng,
      address: '10 Lê Lợi, Phường Vĩnh Ninh, Thành phố Huế',
    });
    const id = results[0]?.reportId as number;
    await page.waitForFunction((rid) => (window as unknown as { __drawn: number[] }).__drawn.includes(rid), id, { timeout: 2000 });
    const drawnAfter = Date.now() - t0;
    expect(drawnAfter).toBeLessThan(2000);
    // and in the live feed beside the map
    await page.waitForSelector(`text=${title}`, { timeout: Math.max(100, 2000 - (Date.now() - t0)) });
    expect(Date.now() - t0).toBeLessThan(2000);
    // the map's total follows once the worker has re-indexed
    await page.waitForFunction((n) => /^[\d.]+/.exec(document.querySelector('[data-testid="map-total"]')?.textContent ?? '')?.[0]?.replace(/\D/g, '') === String(n), before + 1, {
      timeout: 3000,
    });
    await page.screenshot({ path: `${SCREENSHOTS}/map-after-ingest-1600.png` });

    // zoom in on it until it stands alone, then click it
    for (let i = 0; i < 12; i++) {
      const p = await project(lat, lng);
      if (!p) throw new Error('map not ready');
      await page.mouse.move(p.x, p.y);
      await page.mouse.wheel(0, -500);
      await page.waitForTimeout(350);
    }
    await page.waitForTimeout(800);
    const p = await project(lat, lng);
    if (!p) throw new Error('map not ready');
    await page.mouse.click(p.x, p.y);
    const dialog = await page.waitForSelector('[role="dialog"]', { timeout: 5000 });
    await page.waitForFunction((tt) => document.querySelector('[role="dialog"]')?.textContent?.includes(tt), title, { timeout: 5000 });
    expect(await dialog.textContent()).toContain(title);
    expect(new URL(page.url()).searchParams.get('report')).toBe(String(id));
    await page.screenshot({ path: `${SCREENSHOTS}/map-detail-1600.png` });
  });

  it('looks right with no tiles at 1920×1080, also with the overdue choropleth', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/map`);
    await page.waitForSelector('[data-testid="map-total"]');
    await page.waitForSelector('.map-district-label');
    // the boundary layer is the base map: nine district labels, no tile images at all
    expect(await page.locator('.map-district-label').count()).toBe(9);
    expect(await page.locator('img.leaflet-tile').count()).toBe(0);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENSHOTS}/map-1920.png` });

    await page.goto(`${server.url}/map?choropleth=overdue&state=overdue,due_soon`);
    await page.waitForSelector('[data-testid="choropleth-legend"]');
    await page.waitForSelector('.map-district-label__value');
    await page.waitForTimeout(800);
    const stats = (await (await fetch(`${server.url}/api/v1/stats/districts`)).json()) as { districts: { code: string | null; overdue: number }[] };
    const shown = await page.locator('.map-district-label__value').allTextContents();
    const total = shown.reduce((n, s) => n + Number(s.replace(/\D/g, '')), 0);
    expect(total).toBe(stats.districts.filter((d) => d.code !== null).reduce((n, d) => n + d.overdue, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/map-choropleth-1920.png` });

    // the keyboard list of the same view, in English
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'List' }).click();
    await page.waitForSelector('[role="listbox"] [role="option"]');
    const listed = Number(((await page.textContent('[data-testid="map-list-total"]')) ?? '').replace(/\D/g, ''));
    expect(listed).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SCREENSHOTS}/map-list-en-1920.png` });
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });
});
