import type { KpisResponse } from '../../../../shared/contract/stats';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { KPI_IDS, KPI_POLARITY, kpiDelta, kpiFilter, kpiValue, type KpiId } from '../model/kpi-defs';
import type { OnDrill } from '../model/drill';
import { lastLocalDate, localNoon } from '../model/period';

interface Props {
  data: KpisResponse | null;
  error: unknown;
  dims: Record<string, string>;
  subtitle: string;
  onDrill: OnDrill;
}

const LABEL = {
  received: 'stats.kpi.received',
  qualified: 'stats.kpi.qualified',
  rejected: 'stats.kpi.rejected',
  resolved: 'stats.kpi.resolved',
  onTime: 'stats.kpi.onTime',
  lateExtended: 'stats.kpi.lateExtended',
  late: 'stats.kpi.late',
  satisfaction: 'stats.kpi.satisfaction',
  overdueNow: 'stats.kpi.overdueNow',
} as const satisfies Record<KpiId, string>;

/** The period's figures, each with its change on the previous period and a button to its reports. */
export function KpiCards({ data, error, dims, subtitle, onDrill }: Props) {
  const { t, fmt } = useI18n();
  return (
    <section className="lstats-card lstats-kpis" aria-label={t('stats.kpi.label')}>
      {data && (
        <p className="lstats-kpis__compare">{t('stats.period.compare', fmt.date(data.previousFrom), fmt.date(localNoon(lastLocalDate(data.previousTo))))}</p>
      )}
      <ul className="lstats-kpis__list">
        {KPI_IDS.map((id) => {
          const v = data ? kpiValue(id, data.current, data.overdueNow) : null;
          const main = v === null ? '—' : v.kind === 'count' ? fmt.number(v.count) : v.share === null ? '—' : fmt.percent(v.share);
          const note =
            v === null
              ? ''
              : id === 'satisfaction'
                ? v.base === 0
                  ? t('stats.kpi.noRatings')
                  : t('stats.kpi.ofRated', fmt.number(v.count), fmt.number(v.base))
                : id === 'overdueNow'
                  ? t('stats.kpi.nowHint')
                  : v.kind === 'share'
                    ? t(id === 'qualified' || id === 'rejected' ? 'stats.kpi.ofReceived' : 'stats.kpi.ofResolved', fmt.number(v.count), fmt.number(v.base))
                    : '';
          const d = data ? kpiDelta(id, data) : null;
          const polarity = KPI_POLARITY[id];
          // a change that shows as 0 (0.04 points, 0.04 %) reads "same", never "▼ −0"
          const same = d !== null && (d.kind === 'points' ? Math.round(Math.abs(d.value) * 10) === 0 : Math.round(Math.abs(d.value) * 1000) === 0);
          const tone = d === null || same || polarity === 'neutral' ? 'flat' : (d.value > 0) === (polarity === 'up_good') ? 'good' : 'bad';
          const deltaText =
            id === 'overdueNow' || !data
              ? null
              : d === null
                ? t('stats.delta.none')
                : same
                  ? t('stats.delta.same')
                  : d.kind === 'count'
                    ? t('stats.delta.count', d.value > 0 ? '▲ +' : '▼ −', fmt.percent(Math.abs(d.value)))
                    : t('stats.delta.points', d.value > 0 ? '▲ +' : '▼ −', fmt.number(Math.round(Math.abs(d.value) * 10) / 10));
          const label = t(LABEL[id]);
          return (
            <li key={id} className={`lstats-kpi lstats-kpi--${id}${id === 'overdueNow' && (data?.overdueNow ?? 0) > 0 ? ' lstats-kpi--alert' : ''}`}>
              <button
                type="button"
                className="lstats-kpi__btn"
                disabled={!data}
                aria-label={t('stats.kpi.drill', `${label}: ${main}`)}
                data-testid={`stats-kpi-${id}`}
                onClick={() => data && onDrill({ title: `${label}: ${main}`, subtitle, filter: { ...kpiFilter(id, data.from, data.to), ...dims } })}
              >
                <span className="lstats-kpi__label">{label}</span>
                <span className="lstats-kpi__value" data-testid={`stats-kpi-${id}-value`}>
                  {main}
                </span>
                {note && <span className="lstats-kpi__note">{note}</span>}
                {deltaText && <span className={`lstats-kpi__delta lstats-kpi__delta--${tone}`}>{deltaText}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {error !== null && error !== undefined && (
        <p className="lstats-error" role="status">
          {t('stats.loadError', describeError(error, t))}
        </p>
      )}
    </section>
  );
}
