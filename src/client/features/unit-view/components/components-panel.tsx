import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { RankingResponse, UnitRanking } from '../../../../shared/contract/rankings';
import { scoreComponentKeys } from '../../../../shared/contract/rankings';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useElementWidth } from '../../../lib/use-element-width';
import { groupMedian } from '../model/group-median';

/** The four score components of the unit next to its group's median: a bar chart and the counts behind it. */
export function ComponentsPanel({ ranking, unit }: { ranking: RankingResponse; unit: UnitRanking }) {
  const { t, fmt } = useI18n();
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const rows = scoreComponentKeys.map((key) => {
    const c = unit.components[key];
    const m = groupMedian(ranking.units, unit.group, key);
    return { key, name: t(`units.component.${key}`), unit: c.rate === null ? null : c.rate * 100, median: m.median === null ? null : m.median * 100, c, m };
  });
  const pct = (v: number | null) => (v === null ? t('units.components.none') : fmt.percent(v));
  return (
    <div className="unit-components">
      <div ref={ref} className="unit-components__chart" data-testid="unit-components-chart">
        <BarChart width={width} height={240} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#dde3ea" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 13 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={44} />
          <Tooltip isAnimationActive={false} formatter={(v) => (v === null || v === undefined ? t('units.components.none') : fmt.percent(Number(v) / 100))} />
          <Legend />
          <Bar dataKey="unit" name={t('units.components.unit')} fill="#0b5cad" isAnimationActive={false} />
          <Bar dataKey="median" name={t('units.components.median')} fill="#9aa8b7" isAnimationActive={false} />
        </BarChart>
      </div>
      <table className="unit-table" data-testid="unit-components">
        <thead>
          <tr>
            <th scope="col">{t('units.components.col.component')}</th>
            <th scope="col" className="unit-table__num">
              {t('units.components.col.counts')}
            </th>
            <th scope="col" className="unit-table__num">
              {t('units.components.col.rate')}
            </th>
            <th scope="col" className="unit-table__num">
              {t('units.components.col.median')}
            </th>
            <th scope="col" className="unit-table__num">
              {t('units.components.col.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-component={r.key}>
              <th scope="row">{r.name}</th>
              <td className="unit-table__num">
                {fmt.number(r.c.numerator)} / {fmt.number(r.c.denominator)}
              </td>
              <td className="unit-table__num" data-testid={`unit-component-${r.key}-rate`}>
                {pct(r.c.rate)}
              </td>
              <td className="unit-table__num" data-testid={`unit-component-${r.key}-median`} title={t('units.components.medianOf', fmt.number(r.m.units))}>
                {pct(r.m.median)}
              </td>
              <td className="unit-table__num">{fmt.percent(r.c.effectiveWeight)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="unit-note">{t('units.components.formula')}</p>
    </div>
  );
}
