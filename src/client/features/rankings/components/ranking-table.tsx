import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable } from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { ComponentFigure, ScoreComponentKey, UnitRanking } from '../../../../shared/contract/rankings';
import type { I18n } from '../../../lib/i18n/i18n-context';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { hasRate } from '../model/quarter-label';

interface Meta {
  i18n: I18n;
  showGroup: boolean;
  unitHref?: (agencyId: string) => string;
}

const col = createColumnHelper<UnitRanking>();
const meta = (m: unknown) => m as Meta;
/** Scores always with two decimals (they are compared as shown, to 0.01 points). */
export const formatScore = (s: number, locale: string) => s.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rateOrLow = (c: ComponentFigure) => (c.rate === null ? -1 : c.rate);

function RankChange({ u, i18n }: { u: UnitRanking; i18n: I18n }) {
  const { t, fmt } = i18n;
  if (u.rankChange === null) return <span className="rk-change rk-change--new" title={t('rankings.new')} aria-label={t('rankings.new')}>•</span>;
  if (u.rankChange === 0) return <span className="rk-change rk-change--same" title={t('rankings.same')} aria-label={t('rankings.same')}>＝</span>;
  const up = u.rankChange > 0;
  const label = up ? t('rankings.up', fmt.number(u.rankChange)) : t('rankings.down', fmt.number(-u.rankChange));
  return (
    <span className={`rk-change rk-change--${up ? 'up' : 'down'}`} title={label} aria-label={label}>
      {up ? '▲' : '▼'}
      {fmt.number(Math.abs(u.rankChange))}
    </span>
  );
}

function Component({ c, i18n }: { c: ComponentFigure; i18n: I18n }) {
  const { t, fmt } = i18n;
  if (!hasRate(c)) return <span className="rk-num rk-muted">{t('rankings.noRate')}</span>;
  return (
    <span className="rk-comp">
      <span className="rk-num">{fmt.percent(c.rate as number)}</span>
      <span className="rk-frac">
        {fmt.number(c.numerator)}/{fmt.number(c.denominator)}
      </span>
    </span>
  );
}

const component = (key: ScoreComponentKey) =>
  col.accessor((u) => rateOrLow(u.components[key]), {
    id: key,
    header: (ctx) => meta(ctx.table.options.meta).i18n.t(`rankings.component.${key}`),
    cell: (ctx) => <Component c={ctx.row.original.components[key]} i18n={meta(ctx.table.options.meta).i18n} />,
    sortDescFirst: true,
  });

// module scope: TanStack compares column definitions by identity
const COLUMNS = [
  col.accessor((u) => u.rank ?? Number.MAX_SAFE_INTEGER, {
    id: 'rank',
    header: (ctx) => meta(ctx.table.options.meta).i18n.t('rankings.col.rank'),
    cell: (ctx) => {
      const m = meta(ctx.table.options.meta);
      const u = ctx.row.original;
      const rank = m.showGroup ? u.rank : u.groupRank;
      return (
        <span className="rk-rank">
          <span className="rk-rank__n">{rank ?? '—'}</span>
          <RankChange u={m.showGroup ? u : { ...u, rankChange: u.groupRankChange }} i18n={m.i18n} />
        </span>
      );
    },
  }),
  col.accessor('name', {
    header: (ctx) => meta(ctx.table.options.meta).i18n.t('rankings.col.unit'),
    cell: (ctx) => {
      const m = meta(ctx.table.options.meta);
      const u = ctx.row.original;
      return (
        <span className="rk-unit">
          {m.unitHref ? (
            <a href={m.unitHref(u.agencyId)} title={m.i18n.t('rankings.unitDetail', u.name)}>
              {u.name}
            </a>
          ) : (
            u.name
          )}
          {m.showGroup && <span className="rk-group">{m.i18n.t(`rankings.group.${u.group}`)}</span>}
        </span>
      );
    },
  }),
  col.accessor((u) => u.score ?? -1, {
    id: 'score',
    header: (ctx) => meta(ctx.table.options.meta).i18n.t('rankings.col.score'),
    cell: (ctx) => {
      const s = ctx.row.original.score;
      const { locale } = meta(ctx.table.options.meta).i18n;
      return (
        <span className="rk-score">
          <span className="rk-score__bar" style={{ width: `${s ?? 0}%` }} aria-hidden="true" />
          <span className="rk-score__n">{s === null ? '—' : formatScore(s, locale)}</span>
        </span>
      );
    },
    sortDescFirst: true,
  }),
  component('onTime'),
  component('satisfaction'),
  component('handling'),
  component('interaction'),
  col.accessor('volume', {
    header: (ctx) => meta(ctx.table.options.meta).i18n.t('rankings.col.volume'),
    cell: (ctx) => <span className="rk-num">{meta(ctx.table.options.meta).i18n.fmt.number(ctx.getValue())}</span>,
    sortDescFirst: true,
  }),
  col.display({
    id: 'badges',
    header: (ctx) => meta(ctx.table.options.meta).i18n.t('rankings.col.badges'),
    cell: (ctx) => {
      const { t } = meta(ctx.table.options.meta).i18n;
      const b = ctx.row.original.badges;
      return (
        <span className="rk-badges">
          {b.onTime && <span className="rk-badge rk-badge--time">{t('rankings.badge.onTime')}</span>}
          {b.satisfaction && <span className="rk-badge rk-badge--sat">{t('rankings.badge.satisfaction')}</span>}
        </span>
      );
    },
  }),
];

interface Props {
  units: UnitRanking[];
  caption: string;
  /** the overall table shows each unit's group and overall rank; a group tab its rank in the group */
  overall: boolean;
  unitHref?: (agencyId: string) => string;
}

/** Ranked units with every component next to the score, sortable, in rank order by default. */
export function RankingTable({ units, caption, overall, unitHref }: Props) {
  const i18n = useI18n();
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack's table object is rebuilt each render by design; the compiler rightly leaves this component alone
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: units,
    columns: COLUMNS,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    meta: { i18n, showGroup: overall, unitHref } satisfies Meta,
  });
  return (
    <table className="rk-table">
      <caption className="rk-sr">{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((hg) => (
          <tr key={hg.id}>
            {hg.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              return (
                <th key={h.id} scope="col" className={`rk-th rk-th--${h.column.id}`} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                  {h.column.getCanSort() ? (
                    <button type="button" className="rk-sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden="true">{sorted === 'asc' ? ' ↑' : sorted === 'desc' ? ' ↓' : ''}</span>
                    </button>
                  ) : (
                    flexRender(h.column.columnDef.header, h.getContext())
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-agency={row.original.agencyId}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className={`rk-td rk-td--${cell.column.id}`}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
