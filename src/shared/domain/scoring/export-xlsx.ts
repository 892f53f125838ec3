import type ExcelJS from 'exceljs';
import type { RankingResponse } from '../../contract/rankings';
import { scoreComponentKeys } from '../../contract/rankings';
import { COMPONENT_DEFINITIONS_VI, COMPONENT_NAMES_VI, EXPORT_COLUMNS, exportRows, GROUP_NAMES_VI, neutraliseFormula } from './export-table';
import type { ColumnKind } from './export-table';
import { UNIT_GROUPS } from './ranking';
import { fixZipTimestamps } from './zip-timestamps';

/** exceljs is passed in (the server imports it; the server-less demo loads it only when a workbook is asked for). */
export type ExcelModule = Pick<typeof ExcelJS, 'Workbook'>;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const NUM_FMT: Record<ColumnKind, string | undefined> = { text: undefined, int: '0', score: '0.00', rate: '0.0%' };
const WIDTH: Record<ColumnKind, number> = { text: 16, int: 10, score: 11, rate: 10 };
const STATE_VI = { provisional: 'Tạm tính (quý đang diễn ra)', unfinalised: 'Chưa chốt', finalised: 'Đã chốt' } as const;

/** Excel forbids these in sheet names, and names are at most 31 characters. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/**
 * The instant the workbook says it was created and modified: the finalisation time for a frozen quarter, the
 * computation instant otherwise. Never the wall clock, so the same ranking always gives the same bytes.
 */
export function workbookInstant(r: RankingResponse): Date {
  return new Date(r.finalised?.at ?? r.asOf);
}

function addTable(wb: ExcelJS.Workbook, name: string, r: RankingResponse, units: RankingResponse['units']) {
  const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.header === 'Đơn vị' ? 42 : Math.max(WIDTH[c.kind], Math.min(28, c.header.length + 2)), style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {} }));
  const header = ws.getRow(1);
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 48;
  for (const row of exportRows(r, units)) {
    // text is formula-neutralised as in the CSV; numbers stay numbers
    ws.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
}

function addFormulaSheet(wb: ExcelJS.Workbook, r: RankingResponse) {
  const ws = wb.addWorksheet('Công thức');
  ws.columns = [{ width: 34 }, { width: 110 }];
  const title = ws.addRow([`Điểm thi đua xử lý phản ánh hiện trường — quý ${r.quarter}`]);
  title.font = { bold: true, size: 14 };
  const rows: [string, string | number][] = [
    ['Phiên bản công thức', r.formulaVersion],
    ['Trạng thái', STATE_VI[r.state]],
    ['Từ (giờ Việt Nam)', r.from],
    ['Đến (không bao gồm)', r.to],
    ['Số liệu tính đến', r.asOf],
    ['Người chốt', r.finalised?.by ?? '—'],
    ['Thời điểm chốt', r.finalised?.at ?? '—'],
    ['Vị trí nhật ký sự kiện (seq)', r.finalised?.seq ?? r.seq],
    ['Công thức', 'Điểm = 100 × Σ (trọng số × tỉ lệ) ÷ Σ trọng số, chỉ tính các thành phần có mẫu số > 0; làm tròn 2 chữ số thập phân'],
    ['Số phản ánh tối thiểu để xếp hạng', r.config.minVolume],
    ['Ngưỡng đúng hạn (tập thể)', `> ${r.thresholds.onTime * 100}%`],
    ['Ngưỡng hài lòng (người đứng đầu)', `≥ ${r.thresholds.satisfaction * 100}%`],
    ['Thứ tự khi bằng điểm', 'Tỉ lệ đúng hạn cao hơn → tỉ lệ hài lòng cao hơn → nhiều phản ánh hơn → đồng hạng'],
  ];
  // the finaliser's name is typed by a person: text is neutralised here too, as in the tables
  for (const [k, v] of rows) ws.addRow([k, typeof v === 'string' ? neutraliseFormula(v) : v]);
  ws.addRow([]);
  const head = ws.addRow(['Thành phần', 'Định nghĩa', 'Trọng số']);
  head.font = HEADER_FONT;
  head.fill = HEADER_FILL;
  ws.getColumn(3).width = 12;
  for (const k of scoreComponentKeys) ws.addRow([COMPONENT_NAMES_VI[k], COMPONENT_DEFINITIONS_VI[k], r.config.weights[k]]);
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The XLSX export: an overall sheet, one sheet per unit group, and a sheet documenting the formula, its version,
 * the weights and who finalised. Deterministic: same ranking → same bytes (fixed workbook dates and zip times).
 */
export async function rankingXlsx(r: RankingResponse, excel: ExcelModule): Promise<Uint8Array> {
  const wb = new excel.Workbook();
  const at = workbookInstant(r);
  wb.creator = 'PAHT Huế — Trung tâm Giám sát, điều hành đô thị thông minh';
  wb.lastModifiedBy = r.finalised?.by ?? wb.creator;
  wb.created = at;
  wb.modified = at;
  wb.lastPrinted = at;
  wb.title = `Xếp hạng thi đua ${r.quarter}`;
  addTable(wb, 'Tổng hợp', r, r.units);
  for (const g of UNIT_GROUPS) addTable(wb, GROUP_NAMES_VI[g], r, r.units.filter((u) => u.group === g));
  addFormulaSheet(wb, r);
  const buf = await wb.xlsx.writeBuffer();
  // a Node Buffer in the server, an ArrayBuffer in the browser
  return fixZipTimestamps(buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array((buf as Uint8Array).buffer, (buf as Uint8Array).byteOffset, (buf as Uint8Array).byteLength), at);
}
