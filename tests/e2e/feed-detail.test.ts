/**
 * The live feed and the report detail against the real product (built SPA + API + socket.io): an event posted
 * to the ingest API shows up in the feed within 2 s; clicking it opens the detail with the report's timeline;
 * the reporter stays hidden from a visitor and is shown to a signed-in operator.
 * Run `npx vite build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

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

beforeAll(async () => {
  // demo history, simulator slowed right down: the only new events during the test are the ones we post
  server = await startServer({ port: Number(process.env.E2E_PORT ?? 18521), env: { DEMO: '1', SIM_SPEED: '0.0001', SEED: '23' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('live feed → report detail, end to end', () => {
  it('an ingested report appears in the feed within 2 s, and clicking it opens its detail and timeline', async () => {
    await page.goto(`${server.url}/wall?views=feed&rotate=0`);
    await page.waitForSelector('[data-testid="feed-item"]');
    await page.waitForSelector('[data-testid="wall"][data-live-status="live"]');
    const meta = (await (await fetch(`${server.url}/api/v1/meta`)).json()) as { categories: { id: string; name: string }[]; agencies: { id: string; name: string }[] };
    const category = meta.categories[3];
    const agency = meta.agencies[10];
    const at = new Date().toISOString();

    const { results } = await post({
      sourceEventId: 'e2e-feed-1',
      type: 'created',
      at,
      externalId: 'E2E-FEED-1',
      title: 'Nắp hố ga bị mất trên đường Nguyễn Huệ',
      description: 'Rất nguy hiểm cho người đi xe máy vào ban đêm.',
      categoryId: category?.id,
      lat: 16.4619,
      lng: 107.5895,
      address: '45 Nguyễn Huệ, Phường Vĩnh Ninh, Thành phố Huế',
      reporter: { name: 'Lê Thị Ẩn Danh', phone: '0935 123 999' },
    });
    const seq = results[0]?.seq;
    const t0 = Date.now();
    const item = page.locator(`[data-testid="feed-item"][data-seq="${seq}"]`);
    await item.waitFor({ timeout: 2000 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await page.locator('[data-testid="feed-item"]').first().getAttribute('data-seq')).toBe(String(seq));
    expect(await item.textContent()).toContain('Nắp hố ga bị mất trên đường Nguyễn Huệ');
    expect(await item.textContent()).toContain('Phản ánh mới');

    // the report moves on while we watch: assigned, then the feed shows that too
    const assigned = await post({ sourceEventId: 'e2e-feed-2', type: 'assigned', at: new Date().toISOString(), externalId: 'E2E-FEED-1', agencyId: agency?.id, actor: 'Trực ban IOC' });
    await page.locator(`[data-testid="feed-item"][data-seq="${assigned.results[0]?.seq}"]`).waitFor({ timeout: 2000 });
    await page.screenshot({ path: `${SCREENSHOTS}/feed-wall-after-ingest.png` });

    await item.click();
    const dialog = page.getByRole('dialog', { name: /Chi tiết phản ánh: Nắp hố ga bị mất/ });
    await dialog.waitFor({ timeout: 3000 });
    expect(new URL(page.url()).searchParams.get('report')).toBe(String(results[0]?.reportId));
    const timeline = dialog.getByRole('region', { name: 'Diễn biến xử lý' });
    await timeline.getByRole('listitem').nth(1).waitFor();
    const entries = await timeline.getByRole('listitem').allTextContents();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('Tiếp nhận phản ánh qua Ứng dụng Hue-S');
    expect(entries[1]).toContain(`Giao ${agency?.name} chủ trì xử lý`);
    expect(entries[1]).toContain('bởi Trực ban IOC');
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/còn .+ làm việc/);
    expect(text).toContain('Thông tin người phản ánh được bảo mật');
    expect(text).not.toContain('Ẩn Danh');
    await page.screenshot({ path: `${SCREENSHOTS}/report-detail-drawer.png` });
    await page.locator('.detail__body').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.screenshot({ path: `${SCREENSHOTS}/report-detail-drawer-timeline.png` });

    // live while open: a reminder about this report lands in the timeline
    await post({ sourceEventId: 'e2e-feed-3', type: 'reminded', at: new Date().toISOString(), externalId: 'E2E-FEED-1', channel: 'sms', target: 'officer', note: 'Đề nghị xử lý trong ngày' });
    await dialog.getByText('Nhắc việc qua SMS tới cán bộ xử lý').waitFor({ timeout: 3000 });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('report')).toBeNull();
  });

  it('a deep link opens the drawer; an operator (signed in: the session cookie) sees the reporter', async () => {
    const list = (await (await fetch(`${server.url}/api/v1/reports?limit=1&q=${encodeURIComponent('Nắp hố ga')}`)).json()) as { items: { id: number }[] };
    const id = list.items[0]?.id;
    const operator = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      await operator.goto(`${server.url}/login`);
      await signIn(operator, 'operator');
      await operator.goto(`${server.url}/wall?views=feed&rotate=0&report=${id}`);
      const dialog = operator.getByRole('dialog', { name: /Nắp hố ga bị mất/ });
      await dialog.getByTestId('detail-reporter').waitFor({ timeout: 5000 });
      expect(await dialog.getByTestId('detail-reporter').textContent()).toContain('Lê Thị Ẩn Danh');
    } finally {
      await operator.close();
    }
  });
});
