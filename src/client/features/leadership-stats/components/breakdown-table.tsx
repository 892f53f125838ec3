import { Link } from 'react-router';
import type { BreakdownBy, BreakdownResponse, BreakdownRow } from '../../../../shared/contract/stats';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { OnDrill } from '../model/drill';

const KEY_FIELD: Record<BreakdownBy, string> = { category: 'categoryId', district: 'districtCode', agency: 'agencyId' };

type Col = 'received' | 'resolved' | 'onTimeRate' | 'satisfaction' | 'overdueNow';
const COLS: readonly Col[] = ['received', 'resolved', 'onTimeRate', 'satisfaction', 'overdueNow'];

interface Props {
  data: BreakdownResponse;
  nameOf: (key: string | null) => string;
  /** page link for a key (units): the name becomes a link */
  linkOf?: (key: string) => string;
  dims: Record<string, string>;
  subtitle: string;
  onDrill: OnDrill;
  /** rows shown; the rest are summed up in one line */
  limit?: number;
  caption: string;
}

/** One row per category / district / unit: counts with a bar for scale, rates, each figure drilling down. */
export function BreakdownTable({ data, nameOf, linkOf, dims, subtitle, onDrill, limit, caption }: Props) {
  const { t, fmt } = useI18n();
  const rows = limit === undefined ? data.rows : data.rows.slice(0, limit);
  const hidden = data.rows.length - rows.length;
  const max = Math.max(1, ...data.rows.map((r) => r.received));
  const { from, to } = data;

  const cell = (row: BreakdownRow, col: Col, name: string) => {
    // reports still with the centre are `hasAgency=false`; a report without a district has no list filter, so
    // that row's figures are shown but do not drill down
    const keyFilter: Record<string, string> = row.key !== null ? { [KEY_FIELD[data.by]]: row.key } : data.by === 'agency' ? { hasAgency: 'false' } : {};
    const drillable = row.key !== null || data.by === 'agency';
    const go = (label: string, filter: Record<string, string>) =>
      onDrill({ title: `${name} · ${label}`, subtitle, filter: { ...dims, ...filter, ...keyFilter } });
    const button = (text: string, label: string, filter: Record<string, string>) =>
      drillable ? (
        <button type="button" className="lstats-link" onClick={() => go(label, filter)} aria-label={t('stats.kpi.drill', `${name} · ${label}: ${text}`)}>
          {text}
        </button>
      ) : (
        text
      );
    switch (col) {
      case 'received':
        return (
          <span className="lstats-bar">
            <span className="lstats-bar__fill" style={{ width: `${(row.received / max) * 100}%` }} aria-hidden="true" />
            <span className="lstats-bar__num">{button(fmt.number(row.received), t('stats.col.received'), { from, to })}</span>
          </span>
        );
      case 'resolved':
        return button(fmt.number(row.resolved), t('stats.col.resolved'), { resolvedFrom: from, resolvedTo: to });
      case 'onTimeRate':
        return row.resolved === 0 ? '—' : button(fmt.percent(row.onTime / row.resolved), t('stats.col.onTimeRate'), { resolvedFrom: from, resolvedTo: to, timeliness: 'on_time' });
      case 'satisfaction':
        return row.rated === 0 ? '—' : button(fmt.percent(row.satisfied / row.rated), t('stats.col.satisfaction'), { ratedFrom: from, ratedTo: to, rating: 'satisfied,acceptable' });
      case 'overdueNow':
        return row.overdueNow === 0 ? '0' : button(fmt.number(row.overdueNow), t('stats.col.overdueNow'), { overdue: 'true' });
    }
  };

  return (
    <table className="lstats-table" data-testid={`stats-breakdown-${data.by}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.col.name')}</th>
          {COLS.map((c) => (
            <th key={c} scope="col" className={`lstats-table__num lstats-table__${c}`}>
              {t(`stats.col.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const name = nameOf(row.key);
          return (
            <tr key={row.key ?? '∅'} data-key={row.key ?? ''}>
              <th scope="row">
                {row.key !== null && linkOf ? (
                  <Link to={linkOf(row.key)} title={t('stats.openUnit', name)}>
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </th>
              {COLS.map((c) => (
                <td key={c} className={`lstats-table__num lstats-table__${c}`}>
                  {cell(row, c, name)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        {hidden > 0 && (
          <tr>
            <td colSpan={COLS.length + 1} className="lstats-note">
              {t('stats.agency.more', fmt.number(hidden))}
            </td>
          </tr>
        )}
        <tr>
          <th scope="row">{t('stats.total')}</th>
          <td className="lstats-table__num">{fmt.number(data.total.received)}</td>
          <td className="lstats-table__num">{fmt.number(data.total.resolved)}</td>
          <td className="lstats-table__num">{data.total.resolved === 0 ? '—' : fmt.percent(data.total.onTime / data.total.resolved)}</td>
          <td className="lstats-table__num">{data.total.rated === 0 ? '—' : fmt.percent(data.total.satisfied / data.total.rated)}</td>
          <td className="lstats-table__num">{fmt.number(data.total.overdueNow)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
