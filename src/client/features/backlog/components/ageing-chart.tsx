import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgeingCounts } from '../../../../shared/contract/backlog';
import { ageingBuckets, type AgeingBucket } from '../../../../shared/contract/backlog-filter';
import { useI18n } from '../../../lib/i18n/i18n-context';

// darker as reports get older (one hue, so order reads without colour names)
const SHADES: Record<AgeingBucket, string> = { '1-3': '#e8a09a', '4-7': '#d0584e', '8-15': '#a3281f', '16+': '#5e120d' };

/** Overdue reports by working days past due; each bar (and its figure below) lists its reports. */
export function AgeingChart({ ageing, onDrill }: { ageing: AgeingCounts; onDrill: (bucket: AgeingBucket, count: number, label: string) => void }) {
  const { t, fmt } = useI18n();
  const data = ageingBuckets.map((b) => ({ bucket: b, label: t('backlog.chart.ageingBucket', b), count: ageing[b] }));
  return (
    <section className="bl-card bl-chart" aria-labelledby="bl-ageing-chart">
      <header className="bl-card__head">
        <div>
          <h3 id="bl-ageing-chart" className="bl-card__title">
            {t('backlog.chart.ageing')}
          </h3>
          <p className="bl-note">{t('backlog.chart.ageingNote')}</p>
        </div>
      </header>
      <div className="bl-chart__body" style={{ height: 190 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 18, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid vertical={false} stroke="#dde3ea" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => fmt.number(Number(v))} cursor={{ fill: 'rgb(179 38 30 / 8%)' }} />
            <Bar
              dataKey="count"
              name={t('backlog.fig.overdue')}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(d) => {
                const p = d.payload as (typeof data)[number];
                onDrill(p.bucket, p.count, p.label);
              }}
            >
              {data.map((d) => (
                <Cell key={d.bucket} fill={SHADES[d.bucket]} />
              ))}
              <LabelList dataKey="count" position="top" style={{ fontSize: 12, fontWeight: 700 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="bl-chips">
        {data.map((d) => (
          <li key={d.bucket}>
            <button type="button" className="bl-chip" data-testid={`ageing-${d.bucket}`} onClick={() => onDrill(d.bucket, d.count, d.label)}>
              <span className="bl-chip__swatch" style={{ background: SHADES[d.bucket] }} aria-hidden="true" />
              {d.label}: <strong>{fmt.number(d.count)}</strong>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
