import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvRow, isFormulaLike, neutraliseFormula, safeCell } from './spreadsheet-safe';

/** An independent RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** What Excel/LibreOffice would run: a cell whose first (or first non-blank) character opens a formula. */
const wouldRun = (cell: string) => /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) || /^[\t\r]/.test(cell);

describe('spreadsheet-safe text', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","bấm vào")', `'=HYPERLINK("http://evil.example","bấm vào")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['  =cmd|" /C calc"!A0', `'  =cmd|" /C calc"!A0`],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['Rác thải ở kiệt 5', 'Rác thải ở kiệt 5'],
    ['', ''],
    ["'already quoted", "'already quoted"],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('keeps numbers, booleans, dates and empties as they are (only text is neutralised)', () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(true)).toBe(true);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(new Date('2024-03-15T07:00:00Z'))).toBe('2024-03-15T07:00:00.000Z');
    expect(csvField('-5')).toBe("'-5");
  });

  it('round-trips any text through CSV: the reader gets it back, apostrophe-prefixed exactly when it would run', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('=1+1', '"=1"', ',=x', '\r\n=y', '-', '@', ' +')), { minLength: 1, maxLength: 6 }), (cells) => {
        const [parsed] = parseCsv(`${csvRow(cells)}\r\n`);
        expect(parsed).toHaveLength(cells.length);
        cells.forEach((c, i) => {
          const got = parsed?.[i] ?? '';
          // prefixed exactly when a spreadsheet would run it, and never runnable afterwards
          expect(got).toBe(wouldRun(c) ? `'${c}` : c);
          expect(wouldRun(got)).toBe(false);
          expect(isFormulaLike(c)).toBe(wouldRun(c));
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a whole document with a BOM and CRLF lines', () => {
    const doc = csvDocument([
      ['Tiêu đề', 'Số'],
      ['=1+1', 3],
    ]);
    expect(doc.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(doc.slice(1))).toEqual([
      ['Tiêu đề', 'Số'],
      ["'=1+1", '3'],
    ]);
  });
});
