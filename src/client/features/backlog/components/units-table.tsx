import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState, type Table } from '@tanstack/react-table';
import { useMemo, useRef, useState, type UIEvent } from 'react';
import type { DrillFigure } from '../../../../shared/domain/rollup-drill';
import { useI18n, type I18n } from '../../../lib/i18n/i18n-context';
import type { MessageKey } from '../../../lib/i18n/messages-vi';
import { downloadText, toCsv, type CsvCell } from '../model/csv';
import type { UnitRow } from '../model/unit-rows';

type CountFigure = 'received' | 'open' | 'inProgress' | 'dueSoon' | 'overdue' | 'onTime' | 'lateExtended' | 'late';

export interface TableMeta {
  i18n: I18n;
  onDrill: (row: UnitRow, figure: DrillFigure, count: number, label: string) => void;
}

const col = createColumnHelper<UnitRow>();

const NUMBER_COLUMNS: readonly { figure: CountFigure; label: MessageKey }[] = [
  { figure: 'received', label: 'backlog.fig.received' },
  { figure: 'open', label: 'backlog.fig.open' },
  { figure: 'inProgress', label: 'backlog.fig.inProgress' },
  { figure: 'dueSoon', label: 'backlog.fig.dueSoon' },
  { figure: 'overdue', label: 'backlog.fig.overdue' },
  { figure: 'onTime', label: 'backlog.fig.onTime' },
  { figure: 'lateExtended', label: 'backlog.fig.lateExtended' },
  { figure: 'late', label: 'backlog.fig.late' },
];

const meta = (table: Table<UnitRow>) => table.options.meta as TableMeta;

// columns at module scope: TanStack keeps its state keyed by column id, and stable definitions avoid re-creating it
const COLUMNS = [
  col.accessor('name', {
    id: 'unit',
    header: ({ table }) => meta(table).i18n.t('backlog.fig.unit'),
    cell: (c) => (
      <span className="bl-unit" title={c.row.original.name}>
        {c.row.original.shortName}
      </span>
    ),
    sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, 'vi'),
  }),
  col.accessor((r) => r.kind ?? 'centre', {
    id: 'kind',
    header: ({ table }) => meta(table).i18n.t('backlog.fig.kind'),
    cell: (c) => meta(c.table).i18n.t(`backlog.kind.${c.getValue()}`),
  }),
  ...NUMBER_COLUMNS.map(({ figure, label }) =>
    col.accessor(figure, {
      id: figure,
      header: ({ table }) => meta(table).i18n.t(label),
      sortDescFirst: true,
      cell: (c) => {
        const { i18n, onDrill } = meta(c.table);
        const v = c.getValue();
        return (
          <button
            type="button"
            className={`bl-num${v === 0 ? ' bl-num--zero' : ''}${figure === 'overdue' && v > 0 ? ' bl-num--danger' : ''}`}
            data-figure={figure}
            onClick={() => onDrill(c.row.original, figure, v, i18n.t(label))}
          >
            {i18n.fmt.number(v)}
          </button>
        );
      },
    }),
  ),
  col.accessor('medianHandlingDays', {
    id: 'median',
    header: ({ table }) => meta(table).i18n.t('backlog.fig.median'),
    sortDescFirst: true,
    sortUndefined: 'last',
    cell: (c) => {
      const v = c.getValue();
      const { i18n, onDrill } = meta(c.table);
      return v === null ? (
        <span className="bl-num bl-num--zero">—</span>
      ) : (
        <button type="button" className="bl-num" title={i18n.t('backlog.fig.medianNote', i18n.fmt.number(c.row.original.resolved))} onClick={() => onDrill(c.row.original, 'resolved', c.row.original.resolved, i18n.t('backlog.fig.resolved'))}>
          {i18n.fmt.number(v)}
        </button>
      );
    },
  }),
];

const ROW_HEIGHT = 38;
const OVERSCAN = 6;

/** CSV of the rows as shown (filtered and sorted), with the table's Vietnamese (or English) headers. */
export function unitsCsv(rows: readonly UnitRow[], t: I18n['t']): string {
  const header = [t('backlog.fig.unit'), t('backlog.fig.kind'), ...NUMBER_COLUMNS.map((c) => t(c.label)), t('backlog.fig.median')];
  const body: CsvCell[][] = rows.map((r) => [r.name, t(`backlog.kind.${r.kind ?? 'centre'}`), ...NUMBER_COLUMNS.map((c) => r[c.figure]), r.medianHandlingDays]);
  return toCsv(header, body);
}

/**
 * Every unit with its figures: sortable headers, sticky header, rows virtualised (only those in view are in the
 * DOM), every number a button that lists its reports, CSV export of exactly what is shown.
 */
export function UnitsTable({ rows, total, onDrill, fileName }: { rows: readonly UnitRow[]; total: number; onDrill: TableMeta['onDrill']; fileName: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'overdue', desc: true }]);
  const data = useMemo(() => [...rows], [rows]);
  // TanStack's table object is not memoisable; the React Compiler skips this component (as in the other tables)
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.agencyId ?? 'centre',
    meta: { i18n, onDrill } satisfies TableMeta,
  });
  const shown = table.getRowModel().rows;
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  const scroller = useRef<HTMLDivElement>(null);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setViewport(e.currentTarget.clientHeight || 480);
  };
  const cols = table.getVisibleLeafColumns().length;

  return (
    <section className="bl-card" aria-labelledby="bl-units-title">
      <header className="bl-card__head">
        <div>
          <h3 id="bl-units-title" className="bl-card__title">
            {t('backlog.table.title')}
          </h3>
          <p className="bl-note">
            {t('backlog.table.count', fmt.number(shown.length), fmt.number(total))} · {t('backlog.table.sortHint')}
          </p>
        </div>
        <button type="button" className="bl-btn" data-testid="units-csv" onClick={() => downloadText(fileName, unitsCsv(shown.map((r) => r.original), t))}>
          {t('backlog.table.export')}
        </button>
      </header>
      <div className="bl-table__scroll" ref={scroller} onScroll={onScroll} data-testid="units-table">
        <table className="bl-table" aria-rowcount={shown.length + 1}>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th key={h.id} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} className={h.column.id === 'unit' ? 'bl-table__unit' : undefined}>
                      <button type="button" className="bl-th" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="bl-th__arrow" aria-hidden="true">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={cols} className="bl-empty">
                  {t('backlog.table.empty')}
                </td>
              </tr>
            )}
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
            {shown.slice(first, last).map((row, i) => (
              <tr key={row.id} style={{ height: ROW_HEIGHT }} aria-rowindex={first + i + 2} data-unit={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.id === 'unit' ? 'bl-table__unit' : cell.column.id === 'kind' ? 'bl-table__kind' : 'bl-table__num'}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {last < shown.length && <tr aria-hidden="true" style={{ height: (shown.length - last) * ROW_HEIGHT }} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}
