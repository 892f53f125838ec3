/**
 * CSV as spreadsheet users open it: UTF-8 with a BOM (Excel then shows Vietnamese correctly), CRLF line ends,
 * every text field quoted, and text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) prefixed with an apostrophe. Numbers stay numbers.
 */
import { neutraliseFormula } from '../../../../shared/domain/spreadsheet-safe';

export type CsvCell = string | number | null;

export function csvField(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  // the shared rule of every export (also after leading spaces, and the full-width = + - @)
  const safe = neutraliseFormula(v);
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvField), ...rows.map((r) => r.map(csvField))].map((l) => l.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves text as a file in the browser. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
