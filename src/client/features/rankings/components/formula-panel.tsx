import { scoreComponentKeys } from '../../../../shared/contract/rankings';
import type { RankingResponse } from '../../../../shared/contract/rankings';
import { useI18n } from '../../../lib/i18n/i18n-context';

/** The formula in words and numbers: the weights used, each component's definition, minimum volume, ties. */
export function FormulaPanel({ ranking }: { ranking: RankingResponse }) {
  const { t, fmt } = useI18n();
  const cfg = ranking.config;
  const total = scoreComponentKeys.reduce((s, k) => s + cfg.weights[k], 0);
  return (
    <section className="rk-formula" aria-labelledby="rk-formula-title">
      <h3 id="rk-formula-title" className="rk-formula__title">
        {t('rankings.formula.title')} <span className="rk-formula__version">{t('rankings.formula.version', ranking.formulaVersion)}</span>
      </h3>
      <p className="rk-formula__score">{t('rankings.formula.score')}</p>
      <dl className="rk-formula__list">
        {scoreComponentKeys.map((k) => (
          <div key={k} className="rk-formula__item">
            <dt>
              <span className="rk-formula__name">{t(`rankings.component.${k}`)}</span>{' '}
              <span className="rk-formula__weight" data-weight={k}>
                {t('rankings.formula.weight', fmt.number(cfg.weights[k]))}
                {total > 0 && ` (${fmt.percent(cfg.weights[k] / total)})`}
              </span>
            </dt>
            <dd>{t(`rankings.def.${k}`)}</dd>
          </div>
        ))}
      </dl>
      <ul className="rk-formula__rules">
        <li>{t('rankings.formula.minVolume', fmt.number(cfg.minVolume))}</li>
        <li>{t('rankings.formula.thresholds', fmt.percent(ranking.thresholds.onTime), fmt.percent(ranking.thresholds.satisfaction))}</li>
        <li>{t('rankings.formula.ties')}</li>
      </ul>
    </section>
  );
}

/** One line under the title: the weights in numbers, the minimum volume and the version; details further down. */
export function FormulaSummary({ ranking }: { ranking: RankingResponse }) {
  const { t, fmt } = useI18n();
  const terms = scoreComponentKeys.map((k) => `${fmt.number(ranking.config.weights[k])} × ${t(`rankings.component.${k}`)}`).join(' + ');
  return (
    <p className="rk-summary">
      {t('rankings.formula.summary', terms, fmt.number(ranking.config.minVolume), ranking.formulaVersion)}{' '}
      <a className="rk-noprint" href="#rk-formula-title">
        {t('rankings.formula.more')}
      </a>
    </p>
  );
}
