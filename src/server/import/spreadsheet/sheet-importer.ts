import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ReferenceNames } from '../../../shared/domain/open311';
import { ingestGroups, type EventGroup } from '../grouped-ingest';
import { BatchRefused, type ImportSink } from '../sink';
import { parseCsv } from './csv';
import type { SheetMapping } from './sheet-mapping';
import { createRowMapper } from './sheet-rows';
import { readXlsxRows, type Cell } from './xlsx';

export interface SheetSummary {
  file: string;
  source: string;
  dryRun: boolean;
  atomic: boolean;
  /** data rows below the header (blank rows not counted) */
  rows: number;
  /** rows that got at least one new event (dry run: would get) */
  importedRows: number;
  importedEvents: number;
  /** events already stored by an earlier import of the same rows */
  duplicateEvents: number;
  /** rows whose every event was already stored */
  unchangedRows: number;
  /** rows not imported, with their spreadsheet row number */
  badRows: { row: number; reason: string }[];
  /** atomic mode: nothing was imported because of the bad rows */
  abandoned: boolean;
  /** cell values no mapping matched (the default was used), with counts */
  unmapped: Record<string, Record<string, number>>;
  locatedByAddress: number;
}

/** Rows of a CSV or XLSX file (by extension), numbered as a spreadsheet shows them. */
export async function readSheetRows(file: string, mapping: Pick<SheetMapping, 'sheet' | 'delimiter'>): Promise<{ rowNumber: number; cells: Cell[] }[]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsxRows(file, mapping.sheet);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const buf = readFileSync(file);
    // UTF-8 only: refuse a legacy code page rather than import mojibake
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return parseCsv(text, mapping.delimiter ?? (ext === '.tsv' ? '\t' : undefined)).map((cells, i) => ({ rowNumber: i + 1, cells }));
  }
  throw new Error(`${file}: expected a .csv or .xlsx file`);
}

const blank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Imports the rows of one sheet: each row is one all-or-nothing group of events; bad rows are reported with
 * their row number and the rest imported. With `atomic`, any bad row (or any row the store refuses) means
 * nothing is imported, and the good rows go in a single batch.
 */
export async function importSheet(opts: {
  file: string;
  rows: { rowNumber: number; cells: Cell[] }[];
  mapping: SheetMapping;
  ref: ReferenceNames;
  geocode: (address: string) => { lat: number; lng: number } | null;
  sink: ImportSink;
  now: Date;
  atomic?: boolean;
  dryRun?: boolean;
}): Promise<SheetSummary> {
  const { mapping } = opts;
  const summary: SheetSummary = {
    file: opts.file,
    source: mapping.source,
    dryRun: opts.dryRun ?? false,
    atomic: opts.atomic ?? false,
    rows: 0,
    importedRows: 0,
    importedEvents: 0,
    duplicateEvents: 0,
    unchangedRows: 0,
    badRows: [],
    abandoned: false,
    unmapped: {},
    locatedByAddress: 0,
  };
  const header = opts.rows.find((r) => r.rowNumber === mapping.headerRow);
  if (!header) throw new Error(`${opts.file}: no header row ${mapping.headerRow}`);
  const mapRow = createRowMapper(header.cells, mapping, { ref: opts.ref, geocode: opts.geocode, now: opts.now });

  const groups: EventGroup<number>[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of opts.rows) {
    if (r.rowNumber <= mapping.headerRow || blank(r.cells)) continue;
    summary.rows += 1;
    const res = mapRow(r.cells);
    if (!res.ok) {
      summary.badRows.push({ row: r.rowNumber, reason: res.reason });
      continue;
    }
    const first = firstRowOf.get(res.externalId);
    if (first !== undefined) {
      summary.badRows.push({ row: r.rowNumber, reason: `the same report as row ${first} (id ${res.externalId.split(':').slice(2).join(':')})` });
      continue;
    }
    firstRowOf.set(res.externalId, r.rowNumber);
    for (const u of res.unmapped) {
      const m = (summary.unmapped[u.field] ??= {});
      m[u.value] = (m[u.value] ?? 0) + 1;
    }
    if (res.locatedByAddress) summary.locatedByAddress += 1;
    groups.push({ key: r.rowNumber, events: res.events });
  }

  if (summary.atomic && summary.badRows.length > 0) {
    summary.abandoned = true;
    return summary;
  }
  if (summary.dryRun) {
    summary.importedRows = groups.length;
    summary.importedEvents = groups.reduce((n, g) => n + g.events.length, 0);
    return summary;
  }

  const account = (results: { duplicate: boolean }[]) => {
    const stored = results.filter((x) => !x.duplicate).length;
    summary.importedEvents += stored;
    summary.duplicateEvents += results.length - stored;
    if (stored > 0) summary.importedRows += 1;
    else summary.unchangedRows += 1;
  };

  if (summary.atomic) {
    const events = groups.flatMap((g) => g.events);
    if (events.length > opts.sink.maxBatch || (opts.sink.kind === 'server' && JSON.stringify(events).length > opts.sink.maxBatchBytes)) {
      throw new Error(`--atomic: ${events.length} events do not fit one batch of the server's ingest API (${opts.sink.maxBatch} events, ${opts.sink.maxBatchBytes} bytes); import with --data-dir (one transaction) or without --atomic`);
    }
    if (events.length === 0) return summary;
    try {
      const results = await opts.sink.ingest(events);
      let i = 0;
      for (const g of groups) {
        account(results.slice(i, i + g.events.length));
        i += g.events.length;
      }
    } catch (err) {
      if (!(err instanceof BatchRefused)) throw err;
      let start = 0;
      const owner = groups.find((g) => {
        start += g.events.length;
        return err.index < start;
      });
      summary.badRows.push({ row: owner?.key ?? 0, reason: err.message });
      summary.abandoned = true;
    }
    return summary;
  }

  for (const o of await ingestGroups(opts.sink, groups)) {
    if (o.ok) account(o.results);
    else summary.badRows.push({ row: o.key, reason: o.reason });
  }
  summary.badRows.sort((a, b) => a.row - b.row);
  return summary;
}

export function formatSheetSummary(s: SheetSummary, opts: { where: string; maxBad?: number }): string {
  const lines: string[] = [];
  lines.push(`Spreadsheet import ${s.file} (source ${s.source}) → ${s.dryRun ? 'DRY RUN, nothing written; ' : ''}${opts.where}${s.atomic ? ' [all or nothing]' : ''}`);
  lines.push(`  rows:       ${s.rows} data rows`);
  if (s.abandoned) lines.push(`  NOTHING IMPORTED: --atomic and ${s.badRows.length} bad row(s)`);
  else {
    lines.push(`  ${s.dryRun ? 'would import' : 'imported'}:   ${s.importedEvents} events for ${s.importedRows} rows`);
    if (!s.dryRun) lines.push(`  duplicates: ${s.duplicateEvents} events already stored (${s.unchangedRows} rows imported before)`);
  }
  lines.push(`  bad rows:   ${s.badRows.length}`);
  const max = opts.maxBad ?? 50;
  for (const b of s.badRows.slice(0, max)) lines.push(`    row ${b.row}: ${b.reason}`);
  if (s.badRows.length > max) lines.push(`    … and ${s.badRows.length - max} more (--json lists them all)`);
  if (s.locatedByAddress) lines.push(`  located by the ward in their address: ${s.locatedByAddress}`);
  for (const [field, values] of Object.entries(s.unmapped)) {
    const top = Object.entries(values)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([v, n]) => `"${v}" ×${n}`)
      .join(', ');
    lines.push(`  ${field} values with no mapping (${field === 'agency' ? 'left unassigned' : 'default used'}): ${top}`);
  }
  return lines.join('\n');
}
