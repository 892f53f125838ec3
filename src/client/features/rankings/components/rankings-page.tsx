import { useState } from 'react';
import type { AgencyKind } from '../../../../shared/contract/common';
import type { RankingResponse } from '../../../../shared/contract/rankings';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useCan } from '../../../lib/session/use-session';
import { exportHref } from '../api/rankings-api';
import { useQuarterList, useRanking } from '../api/use-ranking';
import { quarterParts } from '../model/quarter-label';
import { FinaliseDialog } from './finalise-dialog';
import { FormulaPanel, FormulaSummary } from './formula-panel';
import { RankingTable } from './ranking-table';
import { RecomputationNotice } from './recomputation-notice';
import './rankings.css';

const GROUPS: readonly AgencyKind[] = ['department', 'district_pc', 'commune_pc', 'public_service', 'central_agency'];
type Tab = 'overall' | AgencyKind;

interface Props {
  /** the quarter in the URL; null = the current one */
  quarter: string | null;
  onQuarterChange: (quarter: string) => void;
  /** where a unit's own page is (the unit-head view), if the app has one */
  unitHref?: (agencyId: string) => string;
}

/** Quarterly emulation ranking: formula, every unit's components next to its score, finalisation and exports. */
export function RankingsPage({ quarter, onQuarterChange, unitHref }: Props) {
  const { t } = useI18n();
  const list = useQuarterList();
  const current = list.data?.current ?? null;
  const q = quarter ?? current;
  if (list.error && !list.data) {
    return (
      <p className="rk-error" role="alert">
        {t('rankings.loadError', describeError(list.error, t))}
      </p>
    );
  }
  if (q === null) return <p className="rk-loading">{t('rankings.loading')}</p>;
  return <QuarterView key={q} quarter={q} current={current} quarters={list.data?.quarters.map((x) => x.quarter) ?? [q]} onQuarterChange={onQuarterChange} onFinalised={list.reload} unitHref={unitHref} />;
}

function QuarterView({
  quarter,
  current,
  quarters,
  onQuarterChange,
  onFinalised,
  unitHref,
}: {
  quarter: string;
  current: string | null;
  quarters: string[];
  onQuarterChange: (q: string) => void;
  onFinalised: () => void;
  unitHref?: (agencyId: string) => string;
}) {
  const { t, fmt } = useI18n();
  const { data, error, loading, refresh } = useRanking(quarter, quarter === current);
  const [tab, setTab] = useState<Tab>('overall');
  // Home Affairs and the centre freeze quarters; everyone else sees the state, not the button
  const mayFinalise = useCan('rankings.finalise');
  const [confirming, setConfirming] = useState(false);
  const [finalised, setFinalised] = useState<RankingResponse | null>(null);
  // the POST's answer shows at once; the refetched ranking replaces it when it arrives
  const r = data?.state === 'finalised' ? data : (finalised ?? data);
  const label = (x: string) => t('rankings.quarterName', ...quarterParts(x));
  const options = quarters.includes(quarter) ? quarters : [quarter, ...quarters];

  return (
    <section className="rk" aria-labelledby="rk-title">
      <header className="rk-head">
        <div className="rk-head__main">
          <h2 id="rk-title" className="rk-title">
            {t('rankings.title', label(quarter))}
          </h2>
          {r && <StateLine r={r} />}
          {r && <FormulaSummary ranking={r} />}
        </div>
        <div className="rk-actions rk-noprint">
          <label className="rk-field rk-field--inline">
            <span>{t('rankings.quarterLabel')}</span>
            <select value={quarter} onChange={(e) => onQuarterChange(e.target.value)}>
              {options.map((x) => (
                <option key={x} value={x}>
                  {label(x)}
                </option>
              ))}
            </select>
          </label>
          <a className="rk-btn" href={exportHref(quarter, 'csv')} download>
            {t('rankings.csv')}
          </a>
          <a className="rk-btn" href={exportHref(quarter, 'xlsx')} download>
            {t('rankings.xlsx')}
          </a>
          <button type="button" className="rk-btn" onClick={() => window.print()}>
            {t('rankings.print')}
          </button>
          {r && r.state === 'unfinalised' && mayFinalise && (
            <button type="button" className="rk-btn rk-btn--primary" onClick={() => setConfirming(true)}>
              {t('rankings.finalise')}
            </button>
          )}
          {r && r.state === 'provisional' && <span className="rk-hint">{t('rankings.finalise.notYet')}</span>}
        </div>
      </header>

      {error !== null && (
        <p className="rk-error" role="alert">
          {t('rankings.loadError', describeError(error, t))}
        </p>
      )}
      {loading && !r && <p className="rk-loading">{t('rankings.loading')}</p>}
      {r && (
        <>
          {r.recomputation && <RecomputationNotice recomputation={r.recomputation} />}
          <div className="rk-tabs rk-noprint" role="tablist" aria-label={t('rankings.tabs')}>
            {(['overall', ...GROUPS] as Tab[]).map((g) => (
              <button key={g} type="button" role="tab" id={`rk-tab-${g}`} aria-selected={tab === g} aria-controls="rk-panel" className="rk-tab" onClick={() => setTab(g)}>
                {g === 'overall' ? t('rankings.tab.overall') : t(`rankings.group.${g}`)}
              </button>
            ))}
          </div>
          <div id="rk-panel" role="tabpanel" aria-labelledby={`rk-tab-${tab}`}>
            <Units r={r} tab={tab} unitHref={unitHref} />
          </div>
          <FormulaPanel ranking={r} />
          <p className="rk-printonly">{t('rankings.printedAt', fmt.dateTime(new Date()))}</p>
        </>
      )}
      {confirming && r && (
        <FinaliseDialog
          quarter={quarter}
          quarterLabel={label(quarter)}
          onClose={() => setConfirming(false)}
          onFinalised={(fin) => {
            setFinalised(fin);
            setConfirming(false);
            onFinalised();
            refresh();
          }}
        />
      )}
    </section>
  );
}

function StateLine({ r }: { r: RankingResponse }) {
  const { t, fmt } = useI18n();
  const hint =
    r.state === 'provisional'
      ? t('rankings.state.provisionalHint', fmt.dateTime(r.asOf))
      : r.state === 'finalised' && r.finalised
        ? t('rankings.state.finalisedHint', r.finalised.by, fmt.dateTime(r.finalised.at))
        : t('rankings.state.unfinalisedHint');
  return (
    <p className="rk-state">
      <span className={`rk-chip rk-chip--${r.state}`}>{t(`rankings.state.${r.state}`)}</span> <span className="rk-state__hint">{hint}</span>
    </p>
  );
}

function Units({ r, tab, unitHref }: { r: RankingResponse; tab: Tab; unitHref?: (agencyId: string) => string }) {
  const { t, fmt } = useI18n();
  const inTab = tab === 'overall' ? r.units : r.units.filter((u) => u.group === tab);
  const ranked = inTab.filter((u) => u.ranked);
  const unranked = inTab.filter((u) => !u.ranked);
  const groupName = tab === 'overall' ? t('rankings.tab.overall') : t(`rankings.group.${tab}`);
  const [qn, qy] = quarterParts(r.quarter);
  return (
    <>
      {ranked.length === 0 ? (
        <p className="rk-empty">{t('rankings.emptyRanked')}</p>
      ) : (
        <RankingTable units={ranked} overall={tab === 'overall'} caption={t('rankings.tableCaption', groupName, t('rankings.quarterName', qn, qy))} unitHref={unitHref} />
      )}
      {unranked.length > 0 && (
        <section className="rk-unranked" aria-labelledby="rk-unranked-title">
          <h3 id="rk-unranked-title">{t('rankings.notRanked.title', fmt.number(unranked.length))}</h3>
          <ul>
            {unranked.map((u) => (
              <li key={u.agencyId} data-agency={u.agencyId}>
                <span className="rk-unranked__name">{u.name}</span>{' '}
                <span className="rk-muted">{u.notRanked === 'no_data' ? t('rankings.notRanked.no_data') : t('rankings.notRanked.too_few_reports', fmt.number(u.volume))}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
