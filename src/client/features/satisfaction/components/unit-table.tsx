import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable } from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { SatisfactionResponse } from '../../../../shared/contract/satisfaction';
import type { I18n } from '../../../lib/i18n/i18n-context';
import { useI18n } from '../../../lib/i18n/i18n-context';

type Row = SatisfactionResponse['units'][number];
interface Meta {
  i18n: I18n;
  onPick: (agencyId: string) => void;
}
const col = createColumnHelper<Row>();
const m = (x: unknown) => x as Meta;
const pct = (n: number, d: number, i18n: I18n) => (d === 0 ? '—' : i18n.fmt.percent(n / d));

// module scope: TanStack compares column definitions by identity
const COLUMNS = [
  col.accessor('name', {
    header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.unit'),
    cell: (c) => {
      const { i18n, onPick } = m(c.table.options.meta);
      return (
        <button type="button" className="sat-link" onClick={() => onPick(c.row.original.agencyId)} title={i18n.t('satisfaction.filterUnit', c.row.original.name)}>
          {c.row.original.name}
        </button>
      );
    },
  }),
  col.accessor('rated', { header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.rated'), cell: (c) => m(c.table.options.meta).i18n.fmt.number(c.getValue()), sortDescFirst: true }),
  col.accessor((r) => (r.rated ? r.satisfied / r.rated : -1), {
    id: 'satisfied',
    header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.satisfied'),
    cell: (c) => pct(c.row.original.satisfied, c.row.original.rated, m(c.table.options.meta).i18n),
    sortDescFirst: true,
  }),
  col.accessor((r) => (r.rated ? r.acceptable / r.rated : -1), {
    id: 'acceptable',
    header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.acceptable'),
    cell: (c) => pct(c.row.original.acceptable, c.row.original.rated, m(c.table.options.meta).i18n),
    sortDescFirst: true,
  }),
  col.accessor((r) => (r.rated ? r.unsatisfied / r.rated : -1), {
    id: 'unsatisfied',
    header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.unsatisfied'),
    cell: (c) => pct(c.row.original.unsatisfied, c.row.original.rated, m(c.table.options.meta).i18n),
    sortDescFirst: true,
  }),
  col.accessor((r) => r.rate ?? -1, {
    id: 'rate',
    header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.rate'),
    cell: (c) => {
      const r = c.row.original.rate;
      return <strong className={r === null ? '' : r >= 0.7 ? 'sat-ok' : 'sat-low'}>{r === null ? '—' : m(c.table.options.meta).i18n.fmt.percent(r)}</strong>;
    },
    sortDescFirst: true,
  }),
  col.accessor((r) => r.ratedShare ?? -1, {
    id: 'ratedShare',
    header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.ratedShare'),
    cell: (c) => pct(c.row.original.resolvedRated, c.row.original.resolved, m(c.table.options.meta).i18n),
    sortDescFirst: true,
  }),
  col.accessor('disputes', { header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.disputes'), cell: (c) => m(c.table.options.meta).i18n.fmt.number(c.getValue()), sortDescFirst: true }),
  col.accessor((r) => (r.disputes ? r.disputesAnsweredInTime / r.disputes : -1), {
    id: 'answered',
    header: (c) => m(c.table.options.meta).i18n.t('satisfaction.col.answered'),
    cell: (c) => pct(c.row.original.disputesAnsweredInTime, c.row.original.disputes, m(c.table.options.meta).i18n),
    sortDescFirst: true,
  }),
];

/** Every unit with ratings, resolutions or disputes in the period; a name narrows the page to that unit. */
export function UnitTable({ data, onPick }: { data: SatisfactionResponse; onPick: (agencyId: string) => void }) {
  const i18n = useI18n();
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack's table object is rebuilt each render by design; the compiler rightly leaves this component alone
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data.units,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    meta: { i18n, onPick } satisfies Meta,
  });
  return (
    <div className="sat-card sat-table-wrap">
      <table className="sat-table">
        <caption>{i18n.t('satisfaction.table.caption')}</caption>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const s = h.column.getIsSorted();
                return (
                  <th key={h.id} scope="col" aria-sort={s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sat-sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true">{s === 'asc' ? ' ↑' : s === 'desc' ? ' ↓' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
