/**
 * Spreadsheet-safe text for CSV and XLSX exports (formula / CSV injection). A report title, comment, address or
 * file name comes from a citizen; opened in Excel or LibreOffice, a cell that starts with `=`, `+`, `-`, `@` (or a
 * tab / carriage return that hides one) is run as a formula — `=HYPERLINK(…)`, DDE `=cmd|…` — on the computer of
 * whoever opened the export. Such text gets a leading apostrophe, which spreadsheets show as text and never run.
 * Numbers stay numbers (a negative count is data, not a formula); only text is neutralised.
 *
 * Every export of the dashboard writes its text cells through `safeCell` / `csvRow` (rankings, backlog, stats).
 */

/** Characters that make a spreadsheet read a cell as a formula when they start it (full-width forms too: some
 * spreadsheet apps normalise them). */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** True when `text` would be read as a formula (also after leading spaces, which some importers trim). */
export function isFormulaLike(text: string): boolean {
  const first = text[0];
  if (first === undefined) return false;
  if (TRIGGERS.has(first)) return true;
  const trimmed = text.trimStart()[0];
  return trimmed !== undefined && TRIGGERS.has(trimmed);
}

/** The text as a spreadsheet must store it: a leading apostrophe when it would otherwise be a formula. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

export type CellValue = string | number | boolean | Date | null | undefined;

/** A cell value ready for a sheet (XLSX via exceljs, or the CSV writer below): text neutralised, the rest as is. */
export function safeCell<T extends CellValue>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** One CSV field (RFC 4180): neutralised text, quoted when it holds a comma, quote or line break. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CellValue[]): string {
  return values.map(csvField).join(',');
}

/** A whole CSV file: CRLF lines and a UTF-8 byte order mark, so Excel reads Vietnamese correctly. */
export function csvDocument(rows: readonly (readonly CellValue[])[]): string {
  return `\uFEFF${rows.map(csvRow).join('\r\n')}\r\n`;
}
