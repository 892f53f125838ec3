import type { Report } from '../../../../shared/contract/report';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useUnitKpis } from '../api/get-unit-kpis';
import { useUnitReports } from '../api/get-unit-reports';

/** The unit's ratings in a quarter (the official "from chấp nhận" rate) and the results rated unsatisfied. */
export function UnitSatisfaction({ agencyId, quarter, from, to, onOpenReport }: { agencyId: string; quarter: string; from: string; to: string; onOpenReport?: (id: number) => void }) {
  const { t, fmt } = useI18n();
  const kpis = useUnitKpis(agencyId, from, to);
  const unsatisfied = useUnitReports('unsatisfied', { agencyId, rating: 'unsatisfied', ratedFrom: from, ratedTo: to, limit: 50 });
  const f = kpis.data?.current;
  const items: Report[] = unsatisfied.data?.items ?? [];
  const error = kpis.error ?? unsatisfied.error;
  return (
    <div className="unit-satisfaction">
      <h3>{t('units.satisfaction.title', quarter)}</h3>
      <dl className="unit-figures">
        <div>
          <dt>{t('units.satisfaction.rate')}</dt>
          <dd data-testid="unit-satisfaction-rate">{!f ? '—' : f.rated === 0 ? '—' : fmt.percent(f.satisfied / f.rated)}</dd>
          <dd className="unit-sub">{!f ? '' : f.rated === 0 ? t('units.satisfaction.noRatings') : t('units.satisfaction.rated', fmt.number(f.rated))}</dd>
        </div>
        <div className={(unsatisfied.data?.total ?? 0) > 0 ? 'is-alert' : undefined}>
          <dt>{t('units.satisfaction.unsatisfied')}</dt>
          <dd data-testid="unit-unsatisfied-count">{unsatisfied.data ? fmt.number(unsatisfied.data.total) : '—'}</dd>
        </div>
      </dl>
      {unsatisfied.data && items.length === 0 && <p className="unit-empty">{t('units.satisfaction.noneUnsatisfied')}</p>}
      {items.length > 0 && (
        <ul className="unit-results" data-testid="unit-unsatisfied">
          {items.map((r) => (
            <li key={r.id} data-report={r.id}>
              {onOpenReport ? (
                <button type="button" className="unit-link" onClick={() => onOpenReport(r.id)}>
                  {r.title}
                </button>
              ) : (
                <strong>{r.title}</strong>
              )}
              <span className="unit-sub">
                {[r.ratedAt ? t('units.satisfaction.ratedAt', fmt.date(r.ratedAt)) : null, r.reopenCount > 0 ? t('units.satisfaction.reopened', fmt.number(r.reopenCount)) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {r.resultText && <span className="unit-result">{r.resultText}</span>}
            </li>
          ))}
        </ul>
      )}
      {error !== null && error !== undefined && (
        <p className="unit-error" role="status">
          {t('units.loadError', describeError(error, t))}
        </p>
      )}
    </div>
  );
}
