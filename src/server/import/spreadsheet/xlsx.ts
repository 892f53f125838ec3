import ExcelJS from 'exceljs';

/** A cell as the row mapping sees it: text, a number, a date (wall-clock time in its UTC fields, as Excel stores it), a boolean or empty. */
export type Cell = string | number | boolean | Date | null;

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

/** The rows of one sheet (by name, or the first), numbered as Excel numbers them (1 = the first row). */
export async function readXlsxRows(file: string, sheetName?: string): Promise<{ rowNumber: number; cells: Cell[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.getWorksheet(sheetName);
  if (!ws) {
    throw new Error(sheetName === undefined ? 'the workbook has no sheet' : `no sheet '${sheetName}' (sheets: ${wb.worksheets.map((w) => w.name).join(', ')})`);
  }
  const out: { rowNumber: number; cells: Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    // row.values is 1-based with a hole at 0
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
    out.push({ rowNumber, cells });
  });
  return out;
}
