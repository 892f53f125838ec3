import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SatisfactionResponse } from '../../../../shared/contract/satisfaction';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useWidth } from '../hooks/use-width';

export const RATING_COLORS = { satisfied: '#17753a', acceptable: '#c98a00', unsatisfied: '#b3261e' } as const;
const TOP_UNITS = 15;

/** Shares of each rating per unit (the most rated units), stacked to 100%. */
export function UnitRatingsChart({ data }: { data: SatisfactionResponse }) {
  const { t, fmt } = useI18n();
  const [ref, width] = useWidth<HTMLDivElement>(700);
  const rows = data.units
    .filter((u) => u.rated > 0)
    .slice(0, TOP_UNITS)
    .map((u) => ({
      name: u.shortName,
      satisfied: u.satisfied / u.rated,
      acceptable: u.acceptable / u.rated,
      unsatisfied: u.unsatisfied / u.rated,
      rated: u.rated,
    }));
  const label = { satisfied: t('satisfaction.kpi.satisfied'), acceptable: t('satisfaction.kpi.acceptable'), unsatisfied: t('satisfaction.kpi.unsatisfied') };
  return (
    <figure className="sat-card sat-chart" aria-labelledby="sat-units-title">
      <figcaption>
        <h3 id="sat-units-title">{t('satisfaction.chart.units')}</h3>
        <p className="sat-muted">{t('satisfaction.chart.unitsDesc')}</p>
      </figcaption>
      <div ref={ref} data-testid="sat-unit-chart">
        {rows.length > 0 && (
          <BarChart width={width} height={Math.max(160, rows.length * 26 + 50)} data={rows} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => fmt.percent(v)} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v, name) => [fmt.percent(Number(v)), String(name)]} />
            <Legend />
            <ReferenceLine x={0.7} stroke="#14202e" strokeDasharray="4 3" label={{ value: t('satisfaction.threshold'), position: 'top', fontSize: 11 }} />
            {(['satisfied', 'acceptable', 'unsatisfied'] as const).map((k) => (
              <Bar key={k} dataKey={k} name={label[k]} stackId="r" fill={RATING_COLORS[k]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </div>
    </figure>
  );
}

/** Ratings per month by level (bars) with the official rate (line). */
export function MonthlyTrendChart({ data }: { data: SatisfactionResponse }) {
  const { t, fmt } = useI18n();
  const [ref, width] = useWidth<HTMLDivElement>(600);
  const rows = data.months.map((m) => ({ ...m, label: `${m.month.slice(5)}/${m.month.slice(0, 4)}`, rate: m.rate }));
  const label = { satisfied: t('satisfaction.kpi.satisfied'), acceptable: t('satisfaction.kpi.acceptable'), unsatisfied: t('satisfaction.kpi.unsatisfied') };
  return (
    <figure className="sat-card sat-chart" aria-labelledby="sat-trend-title">
      <figcaption>
        <h3 id="sat-trend-title">{t('satisfaction.chart.trend')}</h3>
        <p className="sat-muted">{t('satisfaction.chart.trendDesc')}</p>
      </figcaption>
      <div ref={ref} data-testid="sat-trend-chart">
        <ComposedChart width={width} height={300} data={rows} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis yAxisId="n" allowDecimals={false} tickFormatter={(v: number) => fmt.number(v)} />
          <YAxis yAxisId="r" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => fmt.percent(v)} />
          <Tooltip formatter={(v, name) => [name === t('satisfaction.kpi.rate') ? fmt.percent(Number(v)) : fmt.number(Number(v)), String(name)]} />
          <Legend />
          {(['satisfied', 'acceptable', 'unsatisfied'] as const).map((k) => (
            <Bar key={k} yAxisId="n" dataKey={k} name={label[k]} stackId="m" fill={RATING_COLORS[k]} isAnimationActive={false} />
          ))}
          <Line yAxisId="r" dataKey="rate" name={t('satisfaction.kpi.rate')} stroke="#0b5cad" strokeWidth={3} dot isAnimationActive={false} connectNulls={false} />
          <ReferenceLine yAxisId="r" y={0.7} stroke="#14202e" strokeDasharray="4 3" />
        </ComposedChart>
      </div>
    </figure>
  );
}
