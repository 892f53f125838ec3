import type { RankingResponse, UnitRanking } from '../../../../shared/contract/rankings';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { rankedCounts } from '../model/group-median';

/** The unit's place in a quarter: rank overall and in its group (of the ranked units), score, change, badges. */
export function RankSummary({ ranking, unit }: { ranking: RankingResponse; unit: UnitRanking }) {
  const { t, fmt } = useI18n();
  const counts = rankedCounts(ranking.units, unit.group);
  const change = (c: number | null) => (c === null ? t('units.rank.noChange') : c > 0 ? t('units.rank.up', fmt.number(c)) : c < 0 ? t('units.rank.down', fmt.number(-c)) : t('units.rank.same'));
  return (
    <div className="unit-rank" data-testid="unit-rank">
      <p className="unit-rank__state">
        {t('units.rank.current', ranking.quarter)} · {t(`units.rank.state.${ranking.state}`)}
      </p>
      {unit.ranked ? (
        <dl className="unit-rank__figures">
          <div>
            <dt>{t('units.rank.overall')}</dt>
            <dd data-testid="unit-rank-overall">{t('units.rank.of', fmt.number(unit.rank ?? 0), fmt.number(counts.overall))}</dd>
            <dd className="unit-rank__change">{change(unit.rankChange)}</dd>
          </div>
          <div>
            <dt>
              {t('units.rank.group')} · {t(`units.group.${unit.group}`)}
            </dt>
            <dd data-testid="unit-rank-group">{t('units.rank.of', fmt.number(unit.groupRank ?? 0), fmt.number(counts.group))}</dd>
            <dd className="unit-rank__change">{change(unit.groupRankChange)}</dd>
          </div>
          <div>
            <dt>{t('units.rank.score')}</dt>
            <dd data-testid="unit-rank-score">{unit.score === null ? '—' : fmt.number(unit.score)}</dd>
            <dd className="unit-rank__change">{t('units.rank.volume', fmt.number(unit.volume))}</dd>
          </div>
        </dl>
      ) : (
        <p className="unit-rank__not" data-testid="unit-rank-overall">
          {t(`units.rank.notRanked.${unit.notRanked ?? 'no_data'}`)} · {t('units.rank.volume', fmt.number(unit.volume))}
        </p>
      )}
      <p className="unit-rank__badges">
        {unit.badges.onTime && <span className="unit-badge">{t('units.badge.onTime')}</span>}
        {unit.badges.satisfaction && <span className="unit-badge">{t('units.badge.satisfaction')}</span>}
        {!unit.badges.onTime && !unit.badges.satisfaction && <span className="unit-badge unit-badge--none">{t('units.badge.none')}</span>}
      </p>
    </div>
  );
}
