import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/shared/contract/report';
import { referenceData } from '../../src/shared/domain/reference';
import { createAddressGeocoder } from '../../src/server/import/address-geocoder';
import { storeSink } from '../../src/server/import/sink';
import { importSheet, readSheetRows } from '../../src/server/import/spreadsheet/sheet-importer';
import { loadSheetMapping } from '../../src/server/import/spreadsheet/sheet-mapping';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { created } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/sheets');
const CSV = join(FIXTURES, 'paht-2019.csv');
const ref = referenceData();
const geocode = createAddressGeocoder(ref.wards, ref.districts);
const NOW = new Date('2024-06-01T00:00:00Z');

function reports(store: Store): Map<string, Report> {
  return new Map(store.listReports({ limit: 500 }, NOW).items.map((r) => [r.externalId, r]));
}
const eventTypes = (store: Store, r: Report | undefined) => (r ? (store.getReport(r.id, { withReporter: false })?.events ?? []).map((e) => e.type) : []);

describe('spreadsheet import', () => {
  let dir: string;
  let store: Store;
  const run = async (file: string, mappingFile: string, opts: { atomic?: boolean; dryRun?: boolean } = {}) => {
    const mapping = loadSheetMapping(mappingFile);
    return importSheet({ file, rows: await readSheetRows(file, mapping), mapping, ref, geocode, sink: storeSink(store, () => NOW), now: NOW, ...opts });
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paht-sheet-'));
    store = openSqliteStore(join(dir, 'paht.sqlite'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good rows of a CSV (BOM, quoted commas and line breaks, Vietnamese) and names each bad row', async () => {
    const s = await run(CSV, join(FIXTURES, 'mapping-csv.json'));
    expect(s.rows).toBe(11);
    expect(s.badRows.map((b) => b.row)).toEqual([5, 6, 7, 8, 10, 11, 14]);
    const reason = Object.fromEntries(s.badRows.map((b) => [b.row, b.reason]));
    expect(reason[5]).toMatch(/'Ngày phản ánh': '31\/02\/2019 10:00' is not a date-time/);
    expect(reason[6]).toMatch(/unknown rating 'Rất tệ'/);
    expect(reason[7]).toMatch(/'Đánh giá' is filled but 'Ngày xử lý' is empty/);
    expect(reason[8]).toBe("column 'Ngày xử lý' (08/03/2019 10:00) is before 'Ngày chuyển' (09/03/2019 15:00)");
    expect(reason[10]).toMatch(/address 'Thôn 3, gần chợ' names no known ward/);
    expect(reason[11]).toMatch(/the same report as row 3/);
    expect(reason[14]).toMatch(/resolved, but no handling unit/);

    const byId = reports(store);
    expect(byId.size).toBe(4);
    const pa1 = byId.get('sheet:tuongtac-2019:PA-001');
    expect(pa1).toMatchObject({
      title: 'Rác thải ùn ứ, bốc mùi trên đường Bến Nghé',
      description: 'Rác sinh hoạt để lâu ngày.\nNgười dân đề nghị thu gom "sớm nhất có thể".',
      categoryId: 've-sinh-moi-truong',
      address: '25 Bến Nghé, Phường Phú Hội',
      lat: 16.4643,
      lng: 107.5948,
      channel: 'app',
      agencyId: 'hepco',
      status: 'resolved',
      // dd/MM/yyyy HH:mm in Vietnam time
      receivedAt: '2019-03-05T01:30:00.000Z',
      assignedAt: '2019-03-05T02:00:00.000Z',
      resolvedAt: '2019-03-07T08:00:00.000Z',
      resultText: 'Đã thu gom, vệ sinh khu vực.',
      rating: 'satisfied',
    });
    expect(eventTypes(store, pa1)).toEqual(['created', 'assigned', 'started', 'resolved', 'rated']);
    expect(byId.get('sheet:tuongtac-2019:PA-002')).toMatchObject({ status: 'received', channel: 'web', categoryId: 'ha-tang-giao-thong' });
    // no coordinates: the ward in the address; a resolution date without a time on the day of receipt
    const phuCat = ref.wards.find((w) => w.name === 'Phường Phú Cát');
    expect(byId.get('sheet:tuongtac-2019:PA-007')).toMatchObject({ lat: phuCat?.lat, lng: phuCat?.lng, status: 'resolved', receivedAt: '2019-03-12T02:15:00.000Z', resolvedAt: '2019-03-12T02:15:00.000Z' });
    // unmapped values: the defaults, counted for the operator
    expect(byId.get('sheet:tuongtac-2019:PA-009')).toMatchObject({ categoryId: 'khac', channel: 'hotline', agencyId: null, status: 'received' });
    expect(s.unmapped).toEqual({ category: { 'Cấp thoát nước': 1 }, agency: { 'Công ty Lạ': 1 } });
    expect(s.importedEvents).toBe(5 + 1 + 4 + 1);
    expect(store.latestSeq()).toBe(11);
    // nothing half-done: no trace of a bad row
    for (const id of ['PA-003', 'PA-004', 'PA-005', 'PA-006', 'PA-008', 'PA-010']) expect(byId.has(`sheet:tuongtac-2019:${id}`)).toBe(false);

    const again = await run(CSV, join(FIXTURES, 'mapping-csv.json'));
    expect(again.importedEvents).toBe(0);
    expect(again.duplicateEvents).toBe(11);
    expect(store.latestSeq()).toBe(11);
  });

  it('--atomic: one bad row and nothing is imported; a clean file goes in as one batch', async () => {
    const s = await run(CSV, join(FIXTURES, 'mapping-csv.json'), { atomic: true });
    expect(s.abandoned).toBe(true);
    expect(s.badRows).toHaveLength(7);
    expect(store.latestSeq()).toBe(0);

    // the same file without its bad rows: title and header, then the first PA-001, PA-002, PA-007, PA-009
    const [head, ...records] = readFileSync(CSV, 'utf8').split(/\n(?=PA-)/);
    const keep = ['PA-001', 'PA-002', 'PA-007', 'PA-009'].map((id) => records.find((r) => r.startsWith(`${id},`)));
    const clean = join(dir, 'clean.csv');
    writeFileSync(clean, [head, ...keep].join('\n'));
    const ok = await run(clean, join(FIXTURES, 'mapping-csv.json'), { atomic: true });
    expect(ok.badRows).toEqual([]);
    expect(ok.importedRows).toBe(4);
    expect(store.latestSeq()).toBe(11);
    const recorded = new Set([...store.allEvents()].map((e) => e.recordedAt));
    expect(recorded.size).toBe(1);
  });

  it('--atomic: a row the store refuses leaves the store untouched', async () => {
    // the platform already has PA-002 under another event id
    store.ingest([created({ externalId: 'sheet:tuongtac-2019:PA-002', sourceEventId: 'platform-1', at: '2019-03-06T03:05:00.000Z' }) as never], NOW);
    const dryClean = join(dir, 'two.csv');
    const text = readFileSync(CSV, 'utf8').split(/\n(?=PA-)/);
    writeFileSync(dryClean, [text[0], text[1], text[2]].join('\n'));
    const s = await run(dryClean, join(FIXTURES, 'mapping-csv.json'), { atomic: true });
    expect(s.abandoned).toBe(true);
    expect(s.badRows).toEqual([{ row: 4, reason: expect.stringMatching(/already exists/) as unknown }]);
    expect(store.latestSeq()).toBe(1);
  });

  it('reads an XLSX with title rows, date cells, text dates and serial numbers, without an id column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').getCell('A1').value = 'sheet the mapping does not name';
    const ws = wb.addWorksheet('PAHT 2020');
    ws.getCell('A1').value = 'TỔNG HỢP PHẢN ÁNH QUA TỔNG ĐÀI 1900 1075 — NĂM 2020';
    ws.addRow([]);
    ws.addRow(['Thời gian tiếp nhận', 'Nội dung phản ánh', 'Lĩnh vực', 'Địa điểm', 'Lat', 'Lng', 'Đơn vị thụ lý', 'Thời gian xử lý', 'Kết quả', 'Mức độ hài lòng', 'Thời gian đánh giá']);
    // Excel keeps wall-clock times: this cell shows 15/01/2020 14:00 (Vietnam)
    ws.addRow([new Date(Date.UTC(2020, 0, 15, 14, 0)), 'Đèn đường tắt\nsuốt đêm', 'Chiếu sáng', 'Lý Thường Kiệt, Phường Vĩnh Ninh', 16.4622, 107.5905, 'Chiếu sáng đô thị', '17/01/2020 09:30', 'Đã thay bóng', 'Chấp nhận', new Date(Date.UTC(2020, 0, 18, 8, 0))]);
    // a serial date number (43852.5 = 22/01/2020 12:00) and a unit left empty: resolved → the default unit
    ws.addRow([43852.5, 'Rác ở chợ', 'Vệ sinh môi trường – rác thải', 'Chợ Đông Ba, phường Phú Hòa', null, null, null, new Date(Date.UTC(2020, 0, 23, 10, 0)), null, null, null]);
    ws.addRow(['không rõ', 'Ngày hỏng', 'Chiếu sáng', 'Phường Vĩnh Ninh', 16.46, 107.59, null, null, null, null, null]);
    const file = join(dir, 'paht-2020.xlsx');
    await wb.xlsx.writeFile(file);

    const s = await run(file, join(FIXTURES, 'mapping-xlsx.json'));
    expect(s.rows).toBe(3);
    expect(s.badRows).toEqual([{ row: 6, reason: expect.stringMatching(/'Thời gian tiếp nhận': 'không rõ' is not a date-time/) as unknown }]);
    const list = [...reports(store).values()].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      receivedAt: '2020-01-15T07:00:00.000Z',
      resolvedAt: '2020-01-17T02:30:00.000Z',
      ratedAt: '2020-01-18T01:00:00.000Z',
      rating: 'acceptable',
      title: 'Đèn đường tắt',
      categoryId: 'chieu-sang-cong-cong',
      agencyId: 'chieu-sang-do-thi-hue',
      channel: 'hotline',
    });
    const phuHoa = ref.wards.find((w) => w.name === 'Phường Phú Hòa');
    expect(list[1]).toMatchObject({ receivedAt: '2020-01-22T05:00:00.000Z', resolvedAt: '2020-01-23T03:00:00.000Z', agencyId: 'ubnd-tp-hue', categoryId: 've-sinh-moi-truong', lat: phuHoa?.lat });
    expect(list[0]?.externalId).toMatch(/^sheet:hotline-2020:[0-9a-f]{20}$/);

    // ids come from the row's content: the same file again stores nothing
    const again = await run(file, join(FIXTURES, 'mapping-xlsx.json'));
    expect(again.importedEvents).toBe(0);
    expect(store.latestSeq()).toBe(s.importedEvents);
  });

  it('names mapped columns the header lacks', async () => {
    const mappingFile = join(dir, 'm.json');
    const m = JSON.parse(readFileSync(join(FIXTURES, 'mapping-csv.json'), 'utf8')) as { columns: Record<string, string> };
    m.columns.resolvedAt = 'Ngày hoàn thành';
    writeFileSync(mappingFile, JSON.stringify(m));
    await expect(run(CSV, mappingFile)).rejects.toThrow(/columns\.resolvedAt: no column 'Ngày hoàn thành'/);
  });
});

describe('npm run import:sheet', () => {
  it('imports into --data-dir, prints the bad rows, and a second run stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paht-sheet-cli-'));
    const cli = (extra: string[] = []) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn('npm', ['run', '-s', 'import:sheet', '--', '--file', CSV, '--mapping', join(FIXTURES, 'mapping-csv.json'), '--data-dir', dir, ...extra], {
          cwd: join(import.meta.dirname, '../..'),
          env: { ...process.env, PORT: '18618' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    try {
      const first = await cli();
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/imported: +11 events for 4 rows/);
      expect(first.stdout).toMatch(/row 5: column 'Ngày phản ánh': '31\/02\/2019 10:00' is not a date-time/);
      const second = await cli(['--json']);
      expect(JSON.parse(second.stdout)).toMatchObject({ importedEvents: 0, duplicateEvents: 11 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
