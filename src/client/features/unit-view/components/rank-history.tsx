import type { RankingResponse } from '../../../../shared/contract/rankings';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { rankedCounts } from '../model/group-median';

/** The unit's rank in the current and past quarters; a row selects the quarter the components show. */
export function RankHistory({ rankings, agencyId, selected, onSelect }: { rankings: readonly (RankingResponse | null)[]; agencyId: string; selected: string | null; onSelect: (q: string) => void }) {
  const { t, fmt } = useI18n();
  return (
    <table className="unit-table" data-testid="unit-rank-history">
      <caption className="visually-hidden">{t('units.rank.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('units.rank.col.quarter')}</th>
          <th scope="col">{t('units.rank.col.state')}</th>
          <th scope="col" className="unit-table__num">
            {t('units.rank.col.score')}
          </th>
          <th scope="col" className="unit-table__num">
            {t('units.rank.col.overall')}
          </th>
          <th scope="col" className="unit-table__num">
            {t('units.rank.col.group')}
          </th>
          <th scope="col">{t('units.rank.col.badges')}</th>
        </tr>
      </thead>
      <tbody>
        {rankings.map((r, i) => {
          if (!r) {
            return (
              <tr key={i}>
                <td colSpan={6} className="unit-note">
                  {t('units.loading')}
                </td>
              </tr>
            );
          }
          const u = r.units.find((x) => x.agencyId === agencyId);
          const counts = u ? rankedCounts(r.units, u.group) : { overall: 0, group: 0 };
          return (
            <tr key={r.quarter} data-quarter={r.quarter} className={r.quarter === selected ? 'is-selected' : undefined}>
              <th scope="row">
                <button type="button" className="unit-link" aria-pressed={r.quarter === selected} onClick={() => onSelect(r.quarter)} title={t('units.rank.show', r.quarter)}>
                  {t('units.rank.quarterName', r.quarter)}
                </button>
              </th>
              <td>{t(`units.rank.state.${r.state}`)}</td>
              <td className="unit-table__num">{u?.score == null ? '—' : fmt.number(u.score)}</td>
              {u?.ranked ? (
                <>
                  <td className="unit-table__num">{t('units.rank.of', fmt.number(u.rank ?? 0), fmt.number(counts.overall))}</td>
                  <td className="unit-table__num">{t('units.rank.of', fmt.number(u.groupRank ?? 0), fmt.number(counts.group))}</td>
                </>
              ) : (
                <td colSpan={2} className="unit-table__num unit-note">
                  {t(`units.rank.notRanked.${u && u.volume > 0 ? (u.notRanked ?? 'no_data') : 'no_data'}`)}
                </td>
              )}
              <td>
                {u && [u.badges.onTime ? t('units.badge.onTime') : null, u.badges.satisfaction ? t('units.badge.satisfaction') : null].filter(Boolean).join(' · ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
