import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrillScope } from '../../../../shared/domain/rollup-drill';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { BarSort, UnitBar } from '../model/unit-rows';

export const TOP_UNITS = 12;
const OVERDUE = '#b3261e';
const ON_TRACK = '#4a7fb8';

interface Props {
  bars: readonly UnitBar[];
  sort: BarSort;
  onSort: (s: BarSort) => void;
  onDrill: (scope: DrillScope, scopeLabel: string, figure: 'overdue' | 'openNotOverdue', count: number) => void;
}

/** 1, 2, 5 × 10^k at or above v, so the axis ends on a round number */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const scopeOf = (b: UnitBar): DrillScope => (b.agencyIds ? { agencyIds: b.agencyIds } : { agencyId: b.agencyId });

/** Backlog per unit as stacked bars (overdue + within deadline), top N and "others"; each segment drills down. */
export function UnitChart({ bars, sort, onSort, onDrill }: Props) {
  const { t, fmt } = useI18n();
  const data = bars.map((b) => ({ ...b }));
  const height = Math.max(160, 44 + data.length * 30);
  // the "others" bar sums dozens of units and would squash the rest: the axis is scaled to the named units and
  // an "others" bar longer than that is cut at the edge, its total written beside its name
  const named = data.filter((b) => b.agencyIds === null);
  const cap = niceCeil(Math.max(1, ...named.map((b) => b.open)) * 1.1);
  const overflow = data.some((b) => b.open > cap);
  return (
    <section className="bl-card bl-chart" aria-labelledby="bl-units-chart">
      <header className="bl-card__head">
        <div>
          <h3 id="bl-units-chart" className="bl-card__title">
            {t('backlog.chart.units')}
          </h3>
          <p className="bl-note">{t('backlog.chart.unitsNote', fmt.number(TOP_UNITS))}</p>
        </div>
        <div className="bl-seg" role="group" aria-label={t('backlog.chart.sortBy')}>
          {(['overdue', 'open'] as const).map((s) => (
            <button key={s} type="button" className="bl-seg__btn" aria-pressed={sort === s} onClick={() => onSort(s)}>
              {t(s === 'overdue' ? 'backlog.chart.sortOverdue' : 'backlog.chart.sortOpen')}
            </button>
          ))}
        </div>
      </header>
      {data.length === 0 ? (
        <p className="bl-empty">{t('backlog.chart.empty')}</p>
      ) : (
        <div className="bl-chart__body" style={{ height }} data-testid="unit-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap={5}>
              <CartesianGrid horizontal={false} stroke="#dde3ea" />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} domain={overflow ? [0, cap] : [0, 'auto']} allowDataOverflow={overflow} />
              <YAxis
                type="category"
                dataKey="key"
                width={210}
                tick={{ fontSize: 13 }}
                interval={0}
                tickFormatter={(key: string) => {
                  const b = data.find((x) => x.key === key);
                  if (!b) return key;
                  return b.open > cap ? `${b.label} · ${fmt.number(b.open)} ›` : b.label;
                }}
              />
              <Tooltip
                formatter={(v) => fmt.number(Number(v))}
                labelFormatter={(key) => data.find((x) => x.key === key)?.label ?? String(key)}
                cursor={{ fill: 'rgb(11 92 173 / 8%)' }}
              />
              <Legend wrapperStyle={{ fontSize: 13 }} />
              <Bar
                dataKey="overdue"
                name={t('backlog.fig.overdue')}
                stackId="backlog"
                fill={OVERDUE}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(d) => {
                  const b = d.payload as UnitBar;
                  onDrill(scopeOf(b), b.label, 'overdue', b.overdue);
                }}
              />
              <Bar
                dataKey="onTrack"
                name={t('backlog.fig.openNotOverdue')}
                stackId="backlog"
                fill={ON_TRACK}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(d) => {
                  const b = d.payload as UnitBar;
                  onDrill(scopeOf(b), b.label, 'openNotOverdue', b.onTrack);
                }}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
