/**
 * The wall screen against the real product: it rotates its views; when the server is killed it keeps rotating,
 * says the figures are old once the stream has been down longer than ?stale=, and after a restart on the same
 * port and data folder it recovers by itself with no missed event — including one ingested while the wall was
 * still disconnected. Screenshots at 1920×1080 and 3840×2160. Run `npx vite build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const STALE_S = 3;
const ROTATE_S = 5;

interface FeedEvent {
  seq: number;
  type: string;
  reportId: number;
}

const wallAttr = (name: string) => page.getAttribute('[data-testid="wall"]', name);
const head = async () => ((await (await fetch(`${server.url}/api/health`)).json()) as { seq: number }).seq;
const recentEvents = async (limit: number) => ((await (await fetch(`${server.url}/api/v1/events?limit=${limit}`)).json()) as { items: FeedEvent[] }).items;

async function ingest(body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.ingestToken}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return ((await res.json()) as { results: { seq: number }[] }).results[0]?.seq ?? -1;
}

const created = (n: number, title: string, categoryId: string) => ({
  sourceEventId: `e2e-wall-${n}`,
  type: 'created',
  at: new Date().toISOString(),
  externalId: `E2E-WALL-${n}`,
  title,
  description: 'Kiểm thử màn hình tường',
  categoryId,
  lat: 16.4676,
  lng: 107.5794,
  address: `${n} Đinh Tiên Hoàng, Phường Thuận Thành, Thành phố Huế`,
});

/** The seqs of the feed items on the wall, top to bottom (the wall shows the newest 30). */
const feedSeqs = async () =>
  (await page.locator('[data-view-id="feed"] [data-testid="feed-item"][data-seq]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq')))));

beforeAll(async () => {
  server = await startServer({ port: 18523, env: { DEMO: '1', SIM_SPEED: '0.0001', SEED: '31' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('wall screen, end to end', () => {
  it('shows the KPIs, a clock and rotates its views, skipping the ones that do not exist', async () => {
    await page.goto(`${server.url}/wall?views=feed,map,nosuchview&rotate=${ROTATE_S}&stale=${STALE_S}`);
    await page.waitForSelector('[data-testid="wall"][data-live-status="live"]');
    await page.waitForSelector('[data-testid="feed-item"]');
    expect(await page.textContent('[data-testid="wall"]')).toContain('Chưa có màn hình: nosuchview (bỏ qua)');
    expect(await page.locator('nav').count()).toBe(0);
    await page.getByRole('timer').waitFor();
    const tabs = await page.locator('.wall-screen__playlist li').allTextContents();
    expect(tabs.length, 'the wall needs two existing views to rotate (feed and the map panel)').toBeGreaterThanOrEqual(2);

    const changeFrom = (v: string | null) =>
      page.waitForFunction((x) => document.querySelector('[data-testid="wall"]')?.getAttribute('data-view') !== x, v, { timeout: (ROTATE_S + 5) * 1000 });
    const first = await wallAttr('data-view');
    const seen = new Set([first]);
    // the rotation clock started when the page loaded: time a whole interval, from one switch to the next
    await changeFrom(first);
    const second = await wallAttr('data-view');
    seen.add(second);
    expect(seen.size).toBe(2);
    const t0 = Date.now();
    await changeFrom(second);
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThan((ROTATE_S - 2) * 1000);
  });

  it('screenshots at 1920×1080 and 3840×2160, for each view', async () => {
    for (const [w, h] of [
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const view of ['feed', 'map']) {
        await page.waitForFunction((v) => document.querySelector('[data-testid="wall"]')?.getAttribute('data-view') === v, view, { timeout: 2 * ROTATE_S * 1000 + 2000 });
        // let the view settle after the switch (fade-in, map tiles of boundaries drawn)
        await page.waitForTimeout(1200);
        await page.screenshot({ path: `${SCREENSHOTS}/wall-${w}x${h}-${view}.png` });
        // nothing may spill out of the screen: the wall is one fixed screen, no scrollbars
        const overflow = await page.evaluate(() => ({ x: document.documentElement.scrollWidth, y: document.documentElement.scrollHeight }));
        expect(overflow.x).toBeLessThanOrEqual(w);
        expect(overflow.y).toBeLessThanOrEqual(h);
        // readable from 5 m: the feed's text is at least ~1.2 % of the screen width, the clock far larger
        const sizes = await page.evaluate(() => ({
          feed: parseFloat(getComputedStyle(document.querySelector('.feed--wall .feed-item__title') as Element).fontSize),
          clock: parseFloat(getComputedStyle(document.querySelector('.wall__time') as Element).fontSize),
        }));
        expect(sizes.feed).toBeGreaterThanOrEqual(w * 0.012);
        expect(sizes.clock).toBeGreaterThanOrEqual(w * 0.03);
      }
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('goes stale when the server dies, keeps rotating, and recovers after a restart with no missed event', async () => {
    const meta = (await (await fetch(`${server.url}/api/v1/meta`)).json()) as { categories: { id: string }[] };
    const categoryId = meta.categories[1]?.id ?? '';
    await page.waitForSelector('[data-testid="wall"][data-live-status="live"]');
    const before = await ingest(created(1, 'Rác thải ùn ứ trước chợ Đông Ba', categoryId));
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid="wall"]')?.getAttribute('data-live-seq')) >= s, before, { timeout: 2000 });

    await server.stop('SIGKILL');
    const killedAt = Date.now();
    await page.waitForSelector('[data-testid="wall"][data-stale="true"]', { timeout: (STALE_S + 5) * 1000 });
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(STALE_S * 1000 - 500);
    const banner = (await page.textContent('[data-testid="wall-stale"]')) ?? '';
    expect(banner).toContain('MẤT KẾT NỐI');
    expect(banner).toContain('KHÔNG phải số liệu hiện tại');
    // the KPI figures are still on screen, but greyed and labelled as old
    expect(await page.textContent('[data-testid="wall"]')).toContain('Số liệu cũ');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.wall-screen__kpis') as Element).filter)).toContain('grayscale');
    await page.screenshot({ path: `${SCREENSHOTS}/wall-1920x1080-stale.png` });

    // it keeps rotating while stale
    const viewWhenStale = await wallAttr('data-view');
    await page.waitForFunction((v) => document.querySelector('[data-testid="wall"]')?.getAttribute('data-view') !== v, viewWhenStale, { timeout: (ROTATE_S + 3) * 1000 });

    await server.restart();
    // the wall's socket backs off between attempts: this event lands while it is still disconnected
    const statusBefore = await wallAttr('data-live-status');
    const during = await ingest(created(2, 'Ngập nước sau mưa lớn tại đường Lê Duẩn', categoryId));
    const statusAfter = await wallAttr('data-live-status');
    expect([statusBefore, statusAfter]).not.toContain('live');
    expect(await wallAttr('data-stale')).toBe('true');

    await page.waitForSelector('[data-testid="wall"][data-stale="false"][data-live-status="live"]', { timeout: 30_000 });
    const serverHead = await head();
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid="wall"]')?.getAttribute('data-live-seq')) === s, serverHead, { timeout: 5000 });
    expect(serverHead).toBe(during);

    // no missed and no doubled event: the feed's newest items are exactly the server's newest events
    await page.waitForFunction((s) => document.querySelector(`[data-view-id="feed"] [data-seq="${s}"]`) !== null, during, { timeout: 5000 });
    const shown = await feedSeqs();
    const expected = (await recentEvents(shown.length)).map((e) => e.seq);
    expect(shown).toEqual(expected);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.slice(0, 2)).toEqual([during, before]);
    expect(await page.locator('[data-testid="wall-stale"]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/wall-1920x1080-recovered.png` });
  });
});
