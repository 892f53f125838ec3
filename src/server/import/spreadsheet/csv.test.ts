import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('strips a BOM, splits CRLF and LF rows, and keeps quoted commas, quotes and line breaks', () => {
    const text = '\uFEFFMã,Tiêu đề,Nội dung\r\n1,"Rác, bốc mùi","Dòng 1\r\nDòng 2 ""trích"""\n2,Đèn hỏng,\n';
    expect(parseCsv(text)).toEqual([
      ['Mã', 'Tiêu đề', 'Nội dung'],
      ['1', 'Rác, bốc mùi', 'Dòng 1\r\nDòng 2 "trích"'],
      ['2', 'Đèn hỏng', ''],
    ]);
  });
  it('detects ";" and tab delimiters from the header line, ignoring quoted ones', () => {
    expect(parseCsv('"a,b";c\n1,5;2')).toEqual([['a,b', 'c'], ['1,5', '2']]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('keeps a last row without a line break and an empty line as one empty field', () => {
    expect(parseCsv('a,b\n\n1,2')).toEqual([['a', 'b'], [''], ['1', '2']]);
  });
  it('refuses a quote that never closes', () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(CsvError);
  });
});
