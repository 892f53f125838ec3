import { useState } from 'react';
import type { SummaryResponse } from '../../../../shared/contract/api';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useStaleness } from '../../../lib/live/use-live';
import { useSummary } from '../api/get-summary';
import './kpi-strip.css';

type KpiId = 'receivedToday' | 'beingHandled' | 'overdueNow' | 'handledThisMonth' | 'satisfactionRate';
const KPI_IDS: readonly KpiId[] = ['receivedToday', 'beingHandled', 'overdueNow', 'handledThisMonth', 'satisfactionRate'];

const raw = (s: SummaryResponse, id: KpiId): number | null => s[id];

/** Which figures differ between two summaries (the ones to flash). */
function changedIds(prev: SummaryResponse | null, next: SummaryResponse | null): ReadonlySet<KpiId> {
  if (!prev || !next) return new Set();
  return new Set(KPI_IDS.filter((id) => raw(prev, id) !== raw(next, id)));
}

export function KpiStrip({ variant = 'desk' }: { variant?: 'desk' | 'wall' }) {
  const { t, fmt } = useI18n();
  const { data, error } = useSummary();
  const { stale } = useStaleness();

  // derive "what changed" while rendering (React's pattern for state that follows a prop), no effect needed
  const [prev, setPrev] = useState<SummaryResponse | null>(data);
  const [changed, setChanged] = useState<ReadonlySet<KpiId>>(new Set());
  if (data !== prev) {
    setChanged(changedIds(prev, data));
    setPrev(data);
  }

  const value = (id: KpiId): string => {
    if (!data) return '—';
    if (id === 'satisfactionRate') return data.satisfactionRate === null ? '—' : fmt.percent(data.satisfactionRate);
    return fmt.number(data[id]);
  };
  const note = (id: KpiId): string | null => {
    if (id !== 'satisfactionRate' || !data) return null;
    return data.ratedInPeriod > 0 ? t('kpi.ratings', fmt.number(data.ratedInPeriod)) : t('kpi.noRatings');
  };

  return (
    <section className={`kpi-strip kpi-strip--${variant}${stale ? ' kpi-strip--stale' : ''}`} aria-label={t('kpi.label')}>
      {/* polite: screen readers hear changed figures without being interrupted mid-sentence */}
      <dl className="kpi-strip__list" aria-live="polite" aria-atomic="false">
        {KPI_IDS.map((id) => {
          const v = value(id);
          const flash = changed.has(id);
          const warn = id === 'overdueNow' && data !== null && data.overdueNow > 0;
          return (
            <div key={id} className={`kpi kpi--${id}${warn ? ' kpi--alert' : ''}`} data-kpi={id}>
              <dt className="kpi__label">{t(`kpi.${id}`)}</dt>
              <dd className="kpi__value">
                {/* a new key remounts the number, which replays the highlight animation */}
                <span key={v} className={flash ? 'kpi__number kpi__number--changed' : 'kpi__number'} data-testid={`kpi-${id}`}>
                  {v}
                </span>
                {stale && <span className="kpi__stale">{t('kpi.stale')}</span>}
              </dd>
              {note(id) !== null && (
                <dd className="kpi__note" title={t('kpi.satisfactionHint')}>
                  {note(id)}
                </dd>
              )}
            </div>
          );
        })}
      </dl>
      {error !== null && error !== undefined && (
        <p className="kpi-strip__error" role="status">
          {t('kpi.loadError', describeError(error, t))}
        </p>
      )}
    </section>
  );
}
