import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverdueTrendPoint } from '../../../../shared/contract/backlog';
import { useI18n } from '../../../lib/i18n/i18n-context';

/** The daily overdue count (at each day's close; today = now). Today's point lists the reports overdue now. */
export function TrendChart({ trend, today, onDrillToday }: { trend: readonly OverdueTrendPoint[]; today: string; onDrillToday: (count: number) => void }) {
  const { t, fmt } = useI18n();
  const data = trend.map((p) => ({ ...p, label: `${p.date.slice(8, 10)}/${p.date.slice(5, 7)}` }));
  const last = data.at(-1);
  return (
    <section className="bl-card bl-chart" aria-labelledby="bl-trend-chart">
      <header className="bl-card__head">
        <div>
          <h3 id="bl-trend-chart" className="bl-card__title">
            {t('backlog.chart.trend')}
          </h3>
          <p className="bl-note">{t('backlog.chart.trendNote')}</p>
        </div>
      </header>
      {data.length === 0 ? (
        <p className="bl-empty">{t('backlog.chart.trendEmpty')}</p>
      ) : (
        <div className="bl-chart__body" style={{ height: 190 }} data-testid="trend-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: -12 }}>
              <CartesianGrid vertical={false} stroke="#dde3ea" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={18} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => fmt.number(Number(v))} labelFormatter={(_, p) => (p[0]?.payload as { date?: string } | undefined)?.date ?? ''} />
              <Line type="monotone" dataKey="overdue" name={t('backlog.fig.overdue')} stroke="#b3261e" strokeWidth={2.5} dot={data.length <= 40} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {/* only today's value is a current list; past days are history */}
      {last && last.date === today && (
        <button type="button" className="bl-chip" data-testid="trend-today" onClick={() => onDrillToday(last.overdue)}>
          {last.date}: <strong>{fmt.number(last.overdue)}</strong> {t('backlog.fig.overdue').toLowerCase()}
        </button>
      )}
    </section>
  );
}
