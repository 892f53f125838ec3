import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankingResponse } from '../../src/shared/contract/rankings';
import type { RankingResponse } from '../../src/shared/contract/rankings';
import { ingestGenerated } from '../../src/server/demo/generated-ingest';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { previousQuarter, quarterBounds, quarterOf } from '../../src/shared/domain/scoring/quarter';
import { createHistory } from '../../mocks/scenario/history';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

// Home Affairs finalises the last ended quarter and downloads its workbook, against the real product over a
// store holding that whole quarter (seeded here; no simulator, so the figures hold still).
let server: RunningServer;
let browser: Browser;
let page: Page;
const QUARTER = previousQuarter(quarterOf(new Date()));
const FINALISER = 'Nguyễn Thị Hồng — Sở Nội vụ';

const api = async (): Promise<RankingResponse> => rankingResponse.parse(await (await fetch(`${server.url}/api/v1/rankings/${QUARTER}`)).json());

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paht-e2e-rankings-'));
  const store = openSqliteStore(join(dataDir, 'paht.sqlite'));
  const now = new Date();
  const days = Math.ceil((now.getTime() - quarterBounds(QUARTER).from.getTime()) / 86_400_000) + 20;
  const inputs = [...createHistory({ seed: 2026, end: now, days, reportsPerDay: { min: 16, max: 22 } }).events()];
  for (let i = 0; i < inputs.length; i += 1000) ingestGenerated(store, inputs.slice(i, i + 1000), now);
  store.close();
  server = await startServer({ port: 18562, dataDir, env: { DEMO: '0' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('quarterly emulation ranking, end to end', () => {
  it('shows the ended quarter with its formula, components and the unranked units', async () => {
    await page.goto(`${server.url}/rankings/${QUARTER}`);
    await page.waitForSelector('.rk-table tbody tr', { timeout: 30_000 });
    const r = await api();
    expect(r.state).toBe('unfinalised');
    const ranked = r.units.filter((u) => u.ranked);
    const rows = await page.$$eval('.rk-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-agency')));
    expect(rows).toEqual(ranked.map((u) => u.agencyId));
    expect(await page.textContent('.rk-summary')).toContain('0,4 × Đúng hạn');
    expect(await page.textContent('.rk-unranked h3')).toContain(`${r.units.length - ranked.length} đơn vị`);
    await page.screenshot({ path: `${SCREENSHOTS}/rankings-1600x900.png` });
    // a visitor (PUBLIC_VIEW) reads the ranking; freezing it is Home Affairs' (rankings.finalise)
    expect(await page.getByRole('button', { name: 'Chốt xếp hạng quý' }).count()).toBe(0);
  });

  it('Home Affairs finalises the quarter after confirming, and the page says who and when', async () => {
    await signIn(page, 'home_affairs');
    await page.reload();
    await page.getByRole('button', { name: 'Chốt xếp hạng quý' }).click({ timeout: 30_000 });
    await page.fill('input[name="by"]', FINALISER);
    await page.screenshot({ path: `${SCREENSHOTS}/rankings-finalise-dialog.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Chốt', exact: true }).click();
    await page.waitForSelector('.rk-chip--finalised', { timeout: 30_000 });
    expect(await page.textContent('.rk-state')).toContain(`Chốt bởi ${FINALISER}`);
    const r = await api();
    expect(r.state).toBe('finalised');
    expect(r.finalised?.by).toBe(FINALISER);
  });

  it('downloads the XLSX, whose content is the finalised table', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe(`xep-hang-thi-dua-${QUARTER}.xlsx`);
    const file = join(mkdtempSync(join(tmpdir(), 'paht-dl-')), download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Công thức');
    const sheet = wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const r = await api();
    r.units.forEach((u, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(header.indexOf('Mã đơn vị') + 1).value).toBe(u.agencyId);
      expect(row.getCell(header.indexOf('Đơn vị') + 1).value).toBe(u.name);
      expect(row.getCell(header.indexOf('Điểm thi đua') + 1).value ?? null).toBe(u.score);
    });
    const formula = (wb.getWorksheet('Công thức') as ExcelJS.Worksheet).getSheetValues().flat().map(String).join(' ');
    expect(formula).toContain(FINALISER);
    // the same bytes as a direct download (frozen at finalisation)
    const direct = new Uint8Array(await (await fetch(`${server.url}/api/v1/rankings/${QUARTER}/export.xlsx`)).arrayBuffer());
    expect(Buffer.compare(Buffer.from(direct), readFileSync(file))).toBe(0);
  });

  it('prints as a clean A4 landscape report', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.shell__nav', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.$eval('.rk-actions', (el) => getComputedStyle(el).display)).toBe('none');
    await page.screenshot({ path: `${SCREENSHOTS}/rankings-print-media.png`, fullPage: true });
    // page.pdf() prints with print media unless screen media is forced: reset to the default
    await page.emulateMedia({ media: null });
    const pdf = `${SCREENSHOTS}/rankings-a4-landscape.pdf`;
    await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
    const head = readFileSync(pdf).subarray(0, 5).toString();
    expect(head).toBe('%PDF-');
    // A4 landscape = 842 × 595 pt
    expect(readFileSync(pdf).toString('latin1')).toMatch(/MediaBox \[0 0 84[12](\.\d+)? 595(\.\d+)?\]/);
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, `${SCREENSHOTS}/rankings-a4-page`]);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('after a late, back-dated change the finalised ranking stands and the page says what differs', async () => {
    const before = await api();
    const list = (await (
      await fetch(`${server.url}/api/v1/reports?status=resolved&limit=500&resolvedFrom=${quarterBounds(QUARTER).from.toISOString()}&resolvedTo=${new Date(quarterBounds(QUARTER).to.getTime() - 10 * 86_400_000).toISOString()}`)
    ).json()) as { items: { externalId: string; rating: string | null; resolvedAt: string; agencyId: string }[] };
    const target = list.items.find((x) => x.rating === null);
    if (!target) throw new Error('no unrated report resolved in the quarter');
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.ingestToken}` },
      body: JSON.stringify({ type: 'rated', rating: 'unsatisfied', sourceEventId: 'e2e-late-rating', externalId: target.externalId, at: new Date(Date.parse(target.resolvedAt) + 3_600_000).toISOString() }),
    });
    expect(res.status).toBe(201);
    const after = await api();
    expect(after.units).toEqual(before.units);
    expect(after.recomputation?.differs).toBe(true);
    expect(after.recomputation?.units.map((d) => d.agencyId)).toContain(target.agencyId);
    await page.reload();
    await page.waitForSelector('.rk-recompute--differs', { timeout: 30_000 });
    expect(await page.textContent('.rk-recompute--differs')).toContain(before.units.find((u) => u.agencyId === target.agencyId)?.name ?? '?');
    await page.screenshot({ path: `${SCREENSHOTS}/rankings-recomputation.png` });
  });
});
