/**
 * XSS corpus, end to end: hostile text goes in through the ingest API in every field a citizen, an officer or the
 * source platform controls (title, description, address, comments, result text, rejection/extension reasons,
 * actor names, media names and URLs, the reporter's name), and the built app is opened in Chromium on every page
 * that shows reports — the live feed and the list beside the map, the detail drawer of each report, the backlog
 * drill-down, the operators' overdue queue, the wall — and on every other page for the CSP. Each payload would set
 * `window.__xss` if it ran. Asserted on every page: the canary is never set, no dialog opens, the browser reports
 * no CSP violation except for the hostile media URLs it blocked (so the SPA itself needs nothing the policy
 * forbids: no inline script or style), and the payload text is visible as text. Exports: text typed by a person
 * comes out formula-neutralised.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { reference } from '../server/fixtures';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

const PORT = 18624;

/** Each sets window.__xss (or opens a dialog) if it is ever parsed as markup or evaluated. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '<svg onload="window.__xss=1"><circle r=5></svg>',
  '"><img src=x onerror=window.__xss=1>',
  "'><script>window.__xss=1</script>",
  '</textarea></title><script>window.__xss=1</script>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">bấm vào đây</a>',
  'javascript:window.__xss=1',
  '${window.__xss=1}`;window.__xss=1;`',
  "{{constructor.constructor('window.__xss=1')()}}",
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<details open ontoggle="window.__xss=1">',
  '<style>*{background:url("javascript:window.__xss=1")}</style>',
  '<body onload=alert(1)>',
];

const HOSTILE_MEDIA = ['javascript:window.__xss=1', 'https://evil.example/p.png?"><img src=x onerror=window.__xss=1>'];
const isHostileUri = (uri: string) => uri.startsWith('javascript') || uri.includes('evil.example');

let server: RunningServer;
let browser: Browser;
let viewer: BrowserContext;
let operator: BrowserContext;
const reports: { id: number; marker: string; payload: string; overdue: boolean }[] = [];

const ingest = async (body: unknown) => {
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.ingestToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { results: { reportId: number }[] };
  expect(res.status, JSON.stringify(json).slice(0, 400)).toBe(201);
  return json.results;
};

beforeAll(async () => {
  // 60 days of history: the payload reports (89 days old) stay the most overdue of all, first in the queue
  server = await startServer({ port: PORT, env: { DEMO: '1', DEMO_DAYS: '60', SEED: '5', SIM_SPEED: '0.0001' } });
  const { category, agency, ward } = reference();
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  for (const [i, payload] of PAYLOADS.entries()) {
    const marker = `XSS${String(i).padStart(2, '0')}`;
    // half are fresh (top of the feed and the received lists), half weeks overdue (top of the overdue lists)
    const overdue = i % 2 === 1;
    const base = overdue ? 89 * 86_400_000 : 3 * 60_000 - i * 1000;
    const ext = `XSS-${i}-${now}`;
    const ev = (type: string, n: number, extra: Record<string, unknown>) => ({ sourceEventId: `${ext}-${type}-${n}`, externalId: ext, type, at: iso(base - n * 10_000), ...extra });
    const events: Record<string, unknown>[] = [
      ev('created', 0, {
        title: `${marker} ${payload}`.slice(0, 300),
        description: `Mô tả ${payload}`,
        address: `${payload} kiệt 7 Lê Lợi`,
        categoryId: category.id,
        lat: ward.lat,
        lng: ward.lng,
        channel: 'app',
        reporter: { name: `${payload}`.slice(0, 200), phone: '0905 000 111' },
        media: [
          { url: '/demo-media/an-ninh-1.svg', kind: 'image', name: `${payload}.jpg` },
          ...HOSTILE_MEDIA.map((url) => ({ url, kind: 'image', name: `${marker} hostile url` })),
        ],
        actor: payload.slice(0, 200),
      }),
      ev('assigned', 1, { agencyId: agency.id, actor: `${payload}`.slice(0, 200) }),
      ev('commented', 2, { author: 'citizen', text: `Bình luận ${payload}`, actor: payload.slice(0, 200) }),
    ];
    if (!overdue) {
      events.push(ev('started', 3, {}), ev('resolved', 4, { resultText: `Kết quả ${payload}`, media: [{ url: '/demo-media/an-ninh-1.svg', kind: 'image', name: `${payload}.png` }] }));
    }
    const results = await ingest(events);
    reports.push({ id: results[0]?.reportId ?? 0, marker, payload, overdue });
  }
  browser = await launchBrowser();
  const init = () => {
    const w = window as unknown as { __csp: unknown[]; __dialogs: number };
    w.__csp = [];
    w.__dialogs = 0;
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  };
  viewer = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await viewer.addInitScript(init);
  operator = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await operator.addInitScript(init);
  // the operator context holds an operator's session cookie (demo sign-in), as after the login page
  const signing = await operator.newPage();
  await signing.goto(`${server.url}/login`);
  await signIn(signing, 'operator');
  await signing.close();
}, 240_000);

afterAll(async () => {
  // the server first: a browser that is slow to close must not leave it running
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 15_000))]);
});

interface Visit {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function open(ctx: BrowserContext, path: string): Promise<Visit> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('main, [data-testid="wall"], .wall', { timeout: 20_000 });
  return { page, errors, dialogs };
}

/** Nothing ran, nothing was blocked but the hostile media URLs. */
async function expectInert(v: Visit, where: string) {
  await v.page.waitForTimeout(500);
  const state = await v.page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp: { directive: string; blocked: string; source: string; sample: string }[] };
    return { xss: w.__xss ?? null, csp: w.__csp, parentXss: (window.parent as unknown as { __xss?: unknown }).__xss ?? null };
  });
  expect(state.xss, `${where}: a payload ran`).toBeNull();
  expect(state.parentXss, `${where}: a payload ran in a frame`).toBeNull();
  expect(v.dialogs, `${where}: a payload opened a dialog`).toEqual([]);
  const unexpected = state.csp.filter((c) => !isHostileUri(c.blocked));
  expect(unexpected, `${where}: CSP violations (the SPA needs something the policy forbids, or markup got in)`).toEqual([]);
  expect(v.errors.filter((e) => /__xss|Content Security Policy/i.test(e)), where).toEqual([]);
}

const textOf = (v: Visit, selector = 'body') => v.page.locator(selector).first().innerText();

/** The payload reports a list shows (long lists render only what is in view), each checked to read as text. */
function expectShownAsText(text: string, where: string, min: number): void {
  const shown = reports.filter((r) => text.includes(r.marker));
  expect(shown.length, `${where}: payload reports shown (${shown.map((r) => r.marker).join(', ')})`).toBeGreaterThanOrEqual(min);
  for (const r of shown) expect(text, `${where}: ${r.marker} as text`).toContain(`${r.marker} ${r.payload}`.slice(0, 24));
}

describe('XSS payloads in report fields stay inert text', () => {
  it('the live feed and the list beside the map show the fresh payload reports as text', async () => {
    const v = await open(viewer, '/map');
    await v.page.waitForFunction((m) => document.body.innerText.includes(m), reports.at(-1)?.marker ?? '', { timeout: 20_000 });
    // the feed is newest first: the last payload reports ingested are on top
    expectShownAsText(await textOf(v), 'feed', 3);
    await expectInert(v, '/map feed');
    await v.page.screenshot({ path: `${SCREENSHOTS}/xss-map-feed.png` });
    await v.page.click('#map-tab-list');
    await v.page.waitForTimeout(1500);
    expectShownAsText(await textOf(v, '#map-tabpanel-list'), 'viewport list', 1);
    await expectInert(v, '/map list');
    await v.page.close();
  }, 120_000);

  it('the detail drawer shows every hostile field as text, for viewers and (with the reporter) for operators', async () => {
    for (const [ctx, who] of [
      [viewer, 'viewer'],
      [operator, 'operator'],
    ] as const) {
      for (const r of reports) {
        const v = await open(ctx, `/map?report=${r.id}`);
        const drawer = v.page.locator('[data-testid="report-detail"]');
        await drawer.waitFor();
        await v.page.waitForFunction((m) => document.querySelector('[data-testid="report-detail"]')?.textContent?.includes(m), r.marker, { timeout: 20_000 });
        await v.page.waitForTimeout(300);
        const text = await drawer.innerText();
        expect(text, `${who} ${r.marker} title`).toContain(`${r.marker} ${r.payload}`.slice(0, 40));
        expect(text, `${who} ${r.marker} description`).toContain(`Mô tả ${r.payload}`.slice(0, 30));
        expect(text, `${who} ${r.marker} address`).toContain(r.payload.slice(0, 20));
        expect(text, `${who} ${r.marker} comment`).toContain(`Bình luận ${r.payload}`.slice(0, 30));
        if (!r.overdue) expect(text, `${who} ${r.marker} result`).toContain(`Kết quả ${r.payload}`.slice(0, 30));
        if (who === 'operator') expect(text, `operator sees the reporter ${r.marker}`).toContain('0905 000 111');
        else expect(text).not.toContain('0905 000 111');
        await expectInert(v, `${who} drawer ${r.marker}`);
        if (r === reports[0]) await v.page.screenshot({ path: `${SCREENSHOTS}/xss-drawer-${who}.png` });
        await v.page.close();
      }
    }
  }, 240_000);

  it('the operators’ overdue queue and the backlog drill-down list the payload reports as text', async () => {
    const v = await open(operator, '/backlog');
    await v.page.waitForSelector('[data-testid="tile-received"]', { timeout: 20_000 });
    // the payload reports are the most overdue of all: first in the queue
    await v.page.waitForFunction(() => /XSS\d\d/.test(document.body.innerText), undefined, { timeout: 20_000 });
    expectShownAsText(await textOf(v), 'overdue queue', 3);
    // the drill-down lists newest first: the fresh payload reports head the "received" figure's list. Last 7 days,
    // not the default "this month": minutes after midnight on the 1st (Vietnam time) they belong to last month
    await v.page.getByRole('button', { name: '7 ngày', exact: true }).click();
    await v.page.waitForTimeout(1000);
    await v.page.click('[data-testid="tile-received"]');
    const drill = v.page.locator('[data-testid="backlog-drill"]');
    await drill.waitFor();
    await v.page.waitForTimeout(1500);
    expectShownAsText(await drill.innerText(), 'backlog drill-down', 1);
    await v.page.screenshot({ path: `${SCREENSHOTS}/xss-backlog-drill.png` });
    await expectInert(v, '/backlog drill-down');
    await v.page.close();
  }, 120_000);

  for (const path of ['/map', '/backlog', '/satisfaction', '/rankings', '/stats', '/units', '/wall']) {
    it(`${path}: no CSP violation, nothing runs (viewer and operator)`, async () => {
      for (const [ctx, who] of [
        [viewer, 'viewer'],
        [operator, 'operator'],
      ] as const) {
        const v = await open(ctx, path);
        await v.page.waitForTimeout(2500);
        await expectInert(v, `${who} ${path}`);
        if (who === 'viewer') await v.page.screenshot({ path: `${SCREENSHOTS}/xss-csp${path.replace(/\//g, '-')}.png` });
        await v.page.close();
      }
    }, 120_000);
  }
});

describe('exports stay inert', () => {
  it('a finaliser name typed as a formula comes out neutralised in the XLSX, as text', async () => {
    const q = '2024-Q1';
    const hostile = '=HYPERLINK("http://evil.example","Sở Nội vụ")';
    const fin = await fetch(`${server.url}/api/v1/rankings/${q}/finalise`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.operatorToken}`, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ by: hostile }),
    });
    expect([201, 409]).toContain(fin.status);
    const res = await fetch(`${server.url}/api/v1/rankings/${q}/export.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c))));
    const named = cells.filter((c) => String(c.value).includes('HYPERLINK'));
    if (fin.status === 201) expect(named.length).toBeGreaterThan(0);
    for (const c of named) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(String(c.value).startsWith("'")).toBe(true);
    }
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    const csv = await (await fetch(`${server.url}/api/v1/rankings/${q}/export.csv`)).text();
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(/^[=+@\t\r]/.test(cell.replace(/^"/, ''))).toBe(false);
  }, 60_000);
});
