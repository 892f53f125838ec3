import type { SatisfactionResponse } from '../../../../shared/contract/satisfaction';
import { useI18n } from '../../../lib/i18n/i18n-context';

/** The period's headline figures, each with its change against the previous period of the same length. */
export function SatisfactionKpis({ data }: { data: SatisfactionResponse }) {
  const { t, fmt } = useI18n();
  const o = data.overall;
  const p = data.previous.figures;
  const share = (n: number) => (o.rated === 0 ? '—' : fmt.percent(n / o.rated));
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  // percentage points to one decimal; the sign follows the rounded figure (no "+0")
  const points = (d: number | null) => {
    if (d === null) return t('satisfaction.change.none');
    const pts = Math.round(d * 1000) / 10;
    return t('satisfaction.change.points', sign(pts), fmt.number(Math.abs(pts)));
  };
  const shareChange = (now: number, before: number) =>
    o.rated === 0 || p.rated === 0 ? t('satisfaction.change.none') : points(now / o.rated - before / p.rated);
  const rounded = data.rateChange === null ? null : Math.round(data.rateChange * 1000) / 10;
  const tone = rounded === null || rounded === 0 ? '' : rounded > 0 ? 'up' : 'down';
  return (
    <div className="sat-kpis" role="group" aria-label={t('satisfaction.title')}>
      <div className="sat-kpi sat-kpi--main">
        <span className="sat-kpi__label">{t('satisfaction.kpi.rate')}</span>
        <span className="sat-kpi__value" data-testid="sat-rate">
          {o.rate === null ? '—' : fmt.percent(o.rate)}
        </span>
        <span className={`sat-kpi__change sat-kpi__change--${tone}`}>{points(data.rateChange)}</span>
        {o.rate !== null && <span className={`sat-kpi__bar ${o.rate >= 0.7 ? 'sat-kpi__bar--ok' : 'sat-kpi__bar--low'}`} style={{ width: `${o.rate * 100}%` }} aria-hidden="true" />}
      </div>
      {(['satisfied', 'acceptable', 'unsatisfied'] as const).map((k) => (
        <div key={k} className={`sat-kpi sat-kpi--${k}`}>
          <span className="sat-kpi__label">{t(`satisfaction.kpi.${k}`)}</span>
          <span className="sat-kpi__value">{share(o[k])}</span>
          <span className="sat-kpi__sub">{t('satisfaction.kpi.count', fmt.number(o[k]))}</span>
          <span className="sat-kpi__change">{shareChange(o[k], p[k])}</span>
        </div>
      ))}
      <div className="sat-kpi">
        <span className="sat-kpi__label">{t('satisfaction.kpi.rated')}</span>
        <span className="sat-kpi__value">{fmt.number(o.rated)}</span>
        <span className="sat-kpi__sub">{t('satisfaction.kpi.ratedShare', o.ratedShare === null ? '—' : fmt.percent(o.ratedShare), fmt.number(o.resolved))}</span>
        <span className="sat-kpi__change">{t('satisfaction.change.count', sign(o.rated - p.rated), fmt.number(Math.abs(o.rated - p.rated)))}</span>
      </div>
      <div className="sat-kpi">
        <span className="sat-kpi__label">{t('satisfaction.kpi.disputes')}</span>
        <span className="sat-kpi__value">{o.disputes === 0 ? '—' : fmt.percent(o.disputesAnsweredInTime / o.disputes)}</span>
        <span className="sat-kpi__sub">{t('satisfaction.kpi.disputesOf', fmt.number(o.disputesAnsweredInTime), fmt.number(o.disputes))}</span>
      </div>
    </div>
  );
}
