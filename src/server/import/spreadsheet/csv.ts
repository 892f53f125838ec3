/**
 * RFC 4180 CSV as spreadsheets export it: UTF-8 with or without a BOM, `"` quoting with `""` inside,
 * delimiters and line breaks (CRLF, LF or CR) inside quoted fields. The delimiter is `,`, `;` (Excel in
 * locales with a decimal comma, as in Vietnam) or a tab — detected from the first line unless given.
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const d = delimiter ?? detectDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === d) {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new CsvError(`a quoted field opened in row ${rows.length + 1} is never closed`);
  // the last line may or may not end with a line break
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export class CsvError extends Error {
  override name = 'CsvError';
}

function detectDelimiter(src: string): string {
  // the header line, outside quotes
  let line = '';
  let quoted = false;
  for (const c of src) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) line += c;
  }
  const counts = [',', ';', '\t'].map((d) => ({ d, n: line.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}
