import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV for spreadsheets', () => {
  it('starts with a BOM, uses CRLF, quotes text and keeps numbers numeric', () => {
    const text = toCsv(['Đơn vị', 'Quá hạn'], [['UBND P. Phú Hội', 3], ['Sở "Xây dựng"', 0]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual(['"Đơn vị","Quá hạn"', '"UBND P. Phú Hội",3', '"Sở ""Xây dựng""",0', '']);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvField(bad).startsWith(`"'`), bad).toBe(true);
    }
    expect(csvField('Phường An Cựu')).toBe('"Phường An Cựu"');
    // negative numbers are numbers, not text: left alone
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
});
