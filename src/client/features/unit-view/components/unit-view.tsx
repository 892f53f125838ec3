import { useState } from 'react';
import { Link } from 'react-router';
import type { Agency } from '../../../../shared/contract/meta';
import type { RankingResponse } from '../../../../shared/contract/rankings';
import { quarterBounds, shiftQuarter } from '../../../../shared/domain/scoring/quarter';
import { describeError } from '../../../lib/api/describe-error';
import { useMeta } from '../../../lib/api/get-meta';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useQuarterList, useRanking } from '../api/get-rankings';
import { ComponentsPanel } from './components-panel';
import { RankHistory } from './rank-history';
import { RankSummary } from './rank-summary';
import { UnitBacklog } from './unit-backlog';
import { UnitPicker } from './unit-picker';
import { UnitSatisfaction } from './unit-satisfaction';
import './unit-view.css';

/** Past quarters shown next to the running one. */
const PAST_QUARTERS = 3;

interface Props {
  agencyId: string | null;
  hrefOf: (id: string) => string;
  onOpenReport?: (id: number) => void;
  /** a unit head's own page: no picker and no directory (other units' pages are not theirs to open) */
  locked?: boolean;
}

/** /units/:id — a unit head's page: rank, score components against the group, backlog, satisfaction. No reporter identities. */
export function UnitView({ agencyId, hrefOf, onOpenReport, locked = false }: Props) {
  const { t } = useI18n();
  const meta = useMeta();
  const agencies = meta?.agencies ?? [];
  const agency = agencyId ? agencies.find((a) => a.id === agencyId) : undefined;

  return (
    <section className="unit-view" aria-labelledby="page-title">
      <header className="unit-view__head">
        <div>
          <h2 id="page-title" className="page__title" data-testid="unit-name">
            {agency ? agency.name : t('units.title')}
          </h2>
          {agency && <p className="unit-view__kind">{t(`units.group.${agency.kind}`)}</p>}
          <p className="unit-note">{t('units.privacy')}</p>
        </div>
        {!locked && <UnitPicker agencies={agencies} hrefOf={hrefOf} />}
      </header>
      {!agencyId && !locked && <UnitDirectory agencies={agencies} hrefOf={hrefOf} />}
      {agencyId && meta && !agency && <p className="unit-error">{t('units.notFound', agencyId)}</p>}
      {agency && <UnitPage key={agency.id} agency={agency} onOpenReport={onOpenReport} />}
    </section>
  );
}

function UnitPage({ agency, onOpenReport }: { agency: Agency; onOpenReport?: (id: number) => void }) {
  const { t } = useI18n();
  const list = useQuarterList();
  const current = list.data?.current ?? null;
  const quarters = current ? Array.from({ length: PAST_QUARTERS + 1 }, (_, i) => shiftQuarter(current, -i)) : [];
  const r0 = useRanking(quarters[0] ?? null, true);
  const r1 = useRanking(quarters[1] ?? null, false);
  const r2 = useRanking(quarters[2] ?? null, false);
  const r3 = useRanking(quarters[3] ?? null, false);
  const all = [r0, r1, r2, r3];
  const [picked, setPicked] = useState<string | null>(null);
  const selectedQuarter = picked ?? current;
  const selected: RankingResponse | null = all.find((r) => r.data?.quarter === selectedQuarter)?.data ?? null;
  const unitIn = (r: RankingResponse | null) => r?.units.find((u) => u.agencyId === agency.id) ?? null;
  const currentUnit = unitIn(r0.data);
  const selectedUnit = unitIn(selected);
  const error = list.error ?? r0.error;
  // satisfaction follows the quarter picked in the history (the running one by default)
  const bounds = selectedQuarter ? quarterBounds(selectedQuarter) : null;

  return (
    <>
      <div className="unit-grid">
        <section className="unit-card" aria-labelledby="unit-rank-title">
          <h3 id="unit-rank-title">{t('units.rank.title')}</h3>
          {r0.data && currentUnit ? <RankSummary ranking={r0.data} unit={currentUnit} /> : <p className="unit-note">{t('units.loading')}</p>}
          <h4 className="unit-subhead">{t('units.rank.history')}</h4>
          <RankHistory rankings={quarters.map((_, i) => all[i]?.data ?? null)} agencyId={agency.id} selected={selectedQuarter} onSelect={setPicked} />
          <p className="unit-note">
            <Link to={selectedQuarter ? `/rankings/${selectedQuarter}` : '/rankings'}>{t('nav.rankings')}</Link>
          </p>
        </section>
        <section className="unit-card" aria-labelledby="unit-components-title">
          <h3 id="unit-components-title">{t('units.components.title', selectedQuarter ?? '…')}</h3>
          {selected && selectedUnit ? <ComponentsPanel ranking={selected} unit={selectedUnit} /> : <p className="unit-note">{t('units.loading')}</p>}
        </section>
      </div>
      {error !== null && error !== undefined && (
        <p className="unit-error" role="status">
          {t('units.loadError', describeError(error, t))}
        </p>
      )}
      <div className="unit-grid unit-grid--wide">
        <section className="unit-card" aria-labelledby="unit-backlog-title">
          <h3 id="unit-backlog-title">{t('units.backlog.title')}</h3>
          <UnitBacklog agencyId={agency.id} onOpenReport={onOpenReport} />
        </section>
        <section className="unit-card">
          {selectedQuarter && bounds ? (
            <UnitSatisfaction agencyId={agency.id} quarter={selectedQuarter} from={bounds.from.toISOString()} to={bounds.to.toISOString()} onOpenReport={onOpenReport} />
          ) : (
            <p className="unit-note">{t('units.loading')}</p>
          )}
        </section>
      </div>
    </>
  );
}

/** /units without an id: every unit by group, for leadership and centre staff. */
function UnitDirectory({ agencies, hrefOf }: { agencies: readonly Agency[]; hrefOf: (id: string) => string }) {
  const { t, fmt, locale } = useI18n();
  const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en');
  const kinds = ['department', 'district_pc', 'commune_pc', 'public_service', 'central_agency'] as const;
  return (
    <div className="unit-directory">
      <p className="unit-view__lead">{t('units.pickLead')}</p>
      <div className="unit-directory__groups">
        {kinds.map((k) => {
          const list = agencies.filter((a) => a.kind === k).sort((a, b) => collator.compare(a.shortName, b.shortName));
          if (list.length === 0) return null;
          return (
            <section key={k} className="unit-card">
              <h3>
                {t(`units.group.${k}`)} <span className="unit-sub">{t('units.picker.count', fmt.number(list.length))}</span>
              </h3>
              <ul className="unit-directory__list">
                {list.map((a) => (
                  <li key={a.id}>
                    <Link to={hrefOf(a.id)}>{a.shortName}</Link>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
