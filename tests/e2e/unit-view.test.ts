import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import { ingestGenerated } from '../../src/server/demo/generated-ingest';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { reportListResponse, type ReportDetailResponse } from '../../src/shared/contract/api';
import { quarterListResponse, rankingResponse } from '../../src/shared/contract/rankings';
import { hotspotsResponse } from '../../src/shared/contract/hotspots';
import { kpisResponse } from '../../src/shared/contract/stats';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';

// A unit head opens their page on the real product; /stats with its choropleth and hotspots. Every API
// response the browser receives is scanned for the seeded reporters' phones: a unit head must never get them.
let server: RunningServer;
let browser: Browser;
let page: Page;
const responses: Promise<{ url: string; text: string }>[] = [];
const phones = new Set<string>();
const names = new Set<string>();

const json = async (path: string, token?: string): Promise<unknown> => {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(res.status, path).toBe(200);
  return res.json();
};

async function allReportIds(query = ''): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = reportListResponse.parse(await json(`/api/v1/reports?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`));
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** every reporter identity on file, read as a centre operator would (the only role allowed to) */
async function collectIdentities() {
  const ids = await allReportIds();
  for (let i = 0; i < ids.length; i += 50) {
    const details = (await Promise.all(ids.slice(i, i + 50).map((id) => json(`/api/v1/reports/${id}`, server.operatorToken)))) as ReportDetailResponse[];
    for (const d of details) {
      if (!d.reporter) continue;
      phones.add(d.reporter.phone);
      names.add(d.reporter.name);
    }
  }
}

const digits = (s: string) => s.replace(/\D/g, '');
/** a phone appears as a whole run of digits (ignoring spaces, dots and dashes inside it) */
function leakedPhones(text: string): string[] {
  const runs = new Set(text.match(/\d[\d .-]{6,}\d/g)?.map(digits) ?? []);
  return [...phones].filter((p) => runs.has(digits(p)));
}

beforeAll(async () => {
  // ~100 days of history at a lighter daily volume, ingested before the server starts; no simulator, so the
  // figures hold still while the test compares them
  const dataDir = mkdtempSync(join(tmpdir(), 'paht-e2e-units-'));
  const store = openSqliteStore(join(dataDir, 'paht.sqlite'));
  const now = new Date();
  const inputs = [...createHistory({ seed: 19, end: now, days: 100, reportsPerDay: { min: 25, max: 35 } }).events()];
  for (let i = 0; i < inputs.length; i += 1000) ingestGenerated(store, inputs.slice(i, i + 1000), now);
  store.close();
  server = await startServer({ port: 18581, dataDir, env: { DEMO: '0' } });
  await collectIdentities();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('response', (res) => {
    if (res.url().includes('/api/')) responses.push(res.text().then((text) => ({ url: res.url(), text }), () => ({ url: res.url(), text: '' })));
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('unit-head view, end to end', () => {
  it('a unit head sees rank, components and backlog — and no reporter name or phone anywhere', async () => {
    expect(phones.size).toBeGreaterThan(500);
    const { current } = quarterListResponse.parse(await json('/api/v1/rankings'));
    const ranking = rankingResponse.parse(await json(`/api/v1/rankings/${current}`));
    const ranked = ranking.units.filter((u) => u.ranked);
    const unit = [...ranked].sort((a, b) => b.volume - a.volume)[0];
    expect(unit).toBeDefined();
    if (!unit) return;

    await page.goto(`${server.url}/units/${unit.agencyId}`);
    await page.waitForSelector('[data-testid="unit-rank-group"]', { timeout: 60_000 });
    // the running quarter is provisional (reports fall overdue as time passes): compare with the ranking the
    // page itself received
    const received = (await Promise.all(responses)).filter((r) => r.url.endsWith(`/api/v1/rankings/${current}`)).at(-1);
    const shown = rankingResponse.parse(JSON.parse(received?.text ?? '{}'));
    const me = shown.units.find((u) => u.agencyId === unit.agencyId);
    const rankedNow = shown.units.filter((u) => u.ranked);
    expect(me?.ranked).toBe(true);
    expect(await page.textContent('[data-testid="unit-rank-overall"]')).toBe(`${me?.rank}/${rankedNow.length}`);
    expect(await page.textContent('[data-testid="unit-name"]')).toBe(unit.name);
    expect(await page.textContent('[data-testid="unit-rank-group"]')).toBe(`${me?.groupRank}/${rankedNow.filter((u) => u.group === unit.group).length}`);
    await page.waitForSelector('[data-testid="unit-components"] tbody tr');
    expect(await page.$$eval('[data-testid="unit-components"] tbody tr', (rows) => rows.length)).toBe(4);
    await page.waitForSelector('[data-testid="unit-components-chart"] .recharts-bar-rectangle');

    // the backlog: the API's overdue count, the worklist with the overdue reports first
    const overdue = reportListResponse.parse(await json(`/api/v1/reports?agencyId=${unit.agencyId}&overdue=true&limit=1`)).total;
    await page.waitForFunction((n) => document.querySelector('[data-testid="unit-backlog-overdue"]')?.textContent === n, String(overdue), { timeout: 15_000 });
    await page.waitForSelector('[data-testid="unit-worklist"] tbody tr[data-report]');
    await page.waitForSelector('[data-testid="unit-satisfaction-rate"]');
    await page.screenshot({ path: `${SCREENSHOTS}/unit-view-1600x900.png` });
    // the reminder history of the first overdue report that was chased
    const history = await page.$('[data-testid="unit-worklist"] tr.is-late button[aria-expanded="false"]');
    await history?.click();
    await page.waitForSelector('[data-testid^="unit-reminders-"], .unit-history-row .unit-note', { timeout: 10_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/unit-view-reminders-1600x900.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/unit-view-full.png`, fullPage: true });

    const text = (await page.textContent('body')) ?? '';
    expect(leakedPhones(text)).toEqual([]);
    expect([...names].filter((n) => text.includes(n))).toEqual([]);
    const seen = await Promise.all(responses);
    expect(seen.some((r) => r.url.includes(`agencyId=${unit.agencyId}`))).toBe(true);
    for (const r of seen) expect(leakedPhones(r.text), r.url).toEqual([]);
  });
});

describe('/stats, end to end', () => {
  it('renders the KPIs, the district choropleth and the repeat hotspots, planted ones included', async () => {
    // three reports of the same rubbish pile, a few metres apart, received now
    const meta = (await json('/api/v1/meta')) as { categories: { id: string; name: string }[] };
    const categoryId = (meta.categories.find((c) => /rác/i.test(c.name)) ?? meta.categories[0])?.id as string;
    const at = new Date().toISOString();
    const planted = [0, 1, 2].map((i) => ({
      type: 'created',
      sourceEventId: `e2e-hotspot-${i}`,
      externalId: `E2E-HOTSPOT-${i}`,
      at,
      title: `Rác thải đổ trộm lần ${i + 1} tại kiệt 12 Nguyễn Trãi`,
      description: 'Tái diễn sau khi đã thu gom.',
      categoryId,
      lat: 16.47251 + i * 0.00008,
      lng: 107.57605 + i * 0.00005,
      address: 'Kiệt 12 Nguyễn Trãi, Phường Tây Lộc, Thành phố Huế',
      channel: 'app',
      reporter: { name: 'Hoàng Thị Kín Tiếng', phone: `0912 00${i} 987` },
    }));
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.ingestToken}` },
      body: JSON.stringify(planted),
    });
    expect(res.status).toBe(201);
    for (const p of planted) phones.add(p.reporter.phone);

    await page.goto(`${server.url}/stats`);
    await page.waitForSelector('[data-testid="stats-choropleth"] path[data-district]', { timeout: 30_000 });
    expect(await page.$$eval('[data-testid="stats-choropleth"] path[data-district]', (p) => p.length)).toBe(9);
    await page.waitForSelector('[data-testid="stats-hotspots"] tbody tr[data-hotspot]', { timeout: 30_000 });
    const rows = await page.$$eval('[data-testid="stats-hotspots"] tbody tr[data-hotspot]', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => r.includes('Kiệt 12 Nguyễn Trãi'))).toBe(true);
    expect(await page.$$eval('[data-testid="stats-hotspot-map"] circle[data-hotspot]', (c) => c.length)).toBe(rows.length);

    // the received figure is the API's for this month so far (the page's default period)
    const from = await page.evaluate(() => document.querySelector('[data-testid="stats-range"]')?.textContent ?? '');
    expect(from).toMatch(/\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/);
    const kpiRequest = (await Promise.all(responses)).filter((r) => r.url.includes('/api/v1/stats/kpis')).at(-1);
    expect(kpiRequest).toBeDefined();
    const kpis = kpisResponse.parse(JSON.parse(kpiRequest?.text ?? '{}'));
    const shown = await page.textContent('[data-testid="stats-kpi-received-value"]');
    expect(Number(shown?.replace(/\D/g, ''))).toBe(kpis.current.received);
    expect(kpis.current.received).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/stats-1600x900.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/stats-full.png`, fullPage: true });

    // the planted hotspot drills down to its three reports
    const hot = hotspotsResponse.parse(JSON.parse((await Promise.all(responses)).filter((r) => r.url.includes('/api/v1/stats/hotspots')).at(-1)?.text ?? '{}'));
    const mine = hot.items.find((h) => h.address.includes('Kiệt 12 Nguyễn Trãi'));
    expect(mine?.count).toBe(3);
    await page.click(`[data-testid="stats-hotspots"] tr[data-hotspot="${mine?.id}"] td button`);
    await page.waitForFunction(() => document.querySelector('[data-testid="stats-drill-total"]')?.textContent === '3 phản ánh', undefined, { timeout: 10_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/stats-hotspot-drill-1600x900.png` });
    await page.click('[data-testid="stats-drill"] button:has-text("Đóng")');
    await page.locator('.lstats-hot').scrollIntoViewIfNeeded();
    await page.click(`[data-testid="stats-hotspots"] tr[data-hotspot="${mine?.id}"] th button`);
    await page.waitForSelector('.lstats-hot__dot--focus');
    await page.screenshot({ path: `${SCREENSHOTS}/stats-hotspots-1600x900.png` });

    const text = (await page.textContent('body')) ?? '';
    expect(leakedPhones(text)).toEqual([]);
    expect(text.includes('Hoàng Thị Kín Tiếng')).toBe(false);
    for (const r of await Promise.all(responses)) expect(leakedPhones(r.text), r.url).toEqual([]);
  });
});
