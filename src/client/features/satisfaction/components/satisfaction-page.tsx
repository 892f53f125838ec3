import { useState } from 'react';
import { describeError } from '../../../lib/api/describe-error';
import { useMeta } from '../../../lib/api/get-meta';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useSatisfaction } from '../api/satisfaction-api';
import { isDate, PRESETS, presetRange, toInstants } from '../model/period';
import type { DateRange, Preset } from '../model/period';
import { DrillDown } from './drill-down';
import { MonthlyTrendChart, UnitRatingsChart } from './satisfaction-charts';
import { SatisfactionKpis } from './satisfaction-kpis';
import { UnitTable } from './unit-table';
import './satisfaction.css';

interface Props {
  now?: () => Date;
  /** opens a report's detail (the app shows its drawer) */
  onOpenReport: (id: number) => void;
}

/** Citizen satisfaction for any period: KPIs against the previous period, per unit, monthly, and the weak results. */
export function SatisfactionPage({ now = () => new Date(), onOpenReport }: Props) {
  const { t, fmt } = useI18n();
  const meta = useMeta();
  const [preset, setPreset] = useState<Preset>('this_quarter');
  const [range, setRange] = useState<DateRange>(() => presetRange('this_quarter', now()));
  const [draft, setDraft] = useState<DateRange>(range);
  const [agencyId, setAgencyId] = useState<string>('');
  const params = { ...toInstants(range), ...(agencyId ? { agencyId } : {}) };
  const { data, error, loading } = useSatisfaction(params);
  const names = new Map((meta?.agencies ?? []).map((a) => [a.id, a.name]));
  const nameOf = (id: string | null) => (id === null ? '—' : (names.get(id) ?? id));
  const draftValid = isDate(draft.fromDate) && isDate(draft.toDate) && draft.fromDate <= draft.toDate;
  const choose = (p: Preset) => {
    setPreset(p);
    if (p !== 'custom') {
      const r = presetRange(p, now());
      setRange(r);
      setDraft(r);
    }
  };
  return (
    <section className="sat" aria-labelledby="sat-title">
      <header className="sat-head">
        <div>
          <h2 id="sat-title">{t('satisfaction.title')}</h2>
          <p className="sat-muted">{t('satisfaction.intro')}</p>
        </div>
        <div className="sat-controls">
          <div className="sat-seg" role="group" aria-label={t('satisfaction.period')}>
            {PRESETS.map((p) => (
              <button key={p} type="button" className="sat-seg__btn" aria-pressed={preset === p} onClick={() => choose(p)}>
                {t(`satisfaction.preset.${p}`)}
              </button>
            ))}
          </div>
          {preset === 'custom' && (
            <form
              className="sat-custom"
              onSubmit={(e) => {
                e.preventDefault();
                if (draftValid) setRange(draft);
              }}
            >
              <label>
                {t('satisfaction.from')} <input type="date" value={draft.fromDate} onChange={(e) => setDraft({ ...draft, fromDate: e.target.value })} />
              </label>
              <label>
                {t('satisfaction.to')} <input type="date" value={draft.toDate} onChange={(e) => setDraft({ ...draft, toDate: e.target.value })} />
              </label>
              <button type="submit" className="sat-btn" disabled={!draftValid}>
                {t('satisfaction.apply')}
              </button>
              {!draftValid && <span role="alert">{t('satisfaction.invalidRange')}</span>}
            </form>
          )}
          <label className="sat-unit">
            {t('satisfaction.unit')}{' '}
            <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              <option value="">{t('satisfaction.allUnits')}</option>
              {(meta?.agencies ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {data && <p className="sat-period">{t('satisfaction.periodLine', fmt.date(data.from), fmt.date(new Date(Date.parse(data.to) - 1)))}</p>}
      {error !== null && (
        <p className="sat-error" role="alert">
          {t('satisfaction.loadError', describeError(error, t))}
        </p>
      )}
      {loading && !data && <p className="sat-muted">{t('satisfaction.loading')}</p>}
      {data && (
        <>
          <SatisfactionKpis data={data} />
          <div className="sat-grid">
            <UnitRatingsChart data={data} />
            <MonthlyTrendChart data={data} />
          </div>
          <UnitTable data={data} onPick={(id) => setAgencyId(id)} />
          <DrillDown params={params} counts={{ unsatisfied: data.overall.unsatisfied, disputes: data.overall.disputes }} onOpen={onOpenReport} nameOf={nameOf} />
        </>
      )}
    </section>
  );
}
