import type { Recomputation } from '../../../../shared/contract/rankings';
import { useI18n } from '../../../lib/i18n/i18n-context';

/** For a finalised quarter: does today's data give the same table, and if not, by how much per unit. */
export function RecomputationNotice({ recomputation }: { recomputation: Recomputation }) {
  const { t, fmt } = useI18n();
  if (!recomputation.differs) {
    return (
      <p className="rk-recompute rk-recompute--same" role="status">
        {t('rankings.recompute.same')}
      </p>
    );
  }
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${fmt.number(Math.abs(n))}`;
  return (
    <div className="rk-recompute rk-recompute--differs" role="status">
      <p>{t('rankings.recompute.differs', fmt.number(recomputation.units.length))}</p>
      <ul>
        {recomputation.units.map((d) => (
          <li key={d.agencyId}>
            {t(
              'rankings.recompute.line',
              d.name,
              `${d.scoreThen === null ? '—' : fmt.number(d.scoreThen)} → ${d.scoreNow === null ? '—' : fmt.number(d.scoreNow)}${d.scoreDelta !== null ? ` (${signed(d.scoreDelta)})` : ''}`,
              `${d.rankThen ?? '—'} → ${d.rankNow ?? '—'}`,
            )}
            {d.components.length > 0 && (
              <span className="rk-recompute__parts">
                {' · '}
                {d.components
                  .map((c) => t('rankings.recompute.component', t(`rankings.component.${c.key}`), `${c.then.numerator}/${c.then.denominator}`, `${c.now.numerator}/${c.now.denominator}`))
                  .join(' · ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
