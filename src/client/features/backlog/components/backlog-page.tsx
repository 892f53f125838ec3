import { useCallback, useMemo, useState } from 'react';
import { agencyKinds, type AgencyKind } from '../../../../shared/contract/common';
import { localDateOf } from '../../../../shared/domain/calendar';
import type { DrillFigure, DrillScope } from '../../../../shared/domain/rollup-drill';
import { describeError } from '../../../lib/api/describe-error';
import { useMeta } from '../../../lib/api/get-meta';
import { indexMeta } from '../../../lib/api/meta-index';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useNow } from '../../../lib/time/use-now';
import { useAgencyStats } from '../api/get-agency-stats';
import { useBacklogParams } from '../hooks/use-backlog-params';
import { useThrottledValue } from '../hooks/use-throttled-value';
import { makeDrill, type Drill } from '../model/drill';
import { rangeToQuery } from '../model/period';
import { matchesUnitSearch, topUnitBars, unitRows } from '../model/unit-rows';
import { AgeingChart } from './ageing-chart';
import { DrillDown } from './drill-down';
import { FigureTiles } from './figure-tiles';
import { PeriodPicker } from './period-picker';
import { TrendChart } from './trend-chart';
import { TOP_UNITS, UnitChart } from './unit-chart';
import { UnitsTable } from './units-table';
import './backlog.css';

/**
 * /backlog: per-unit backlog and overdue for a period — figures, charts and the table of all units, every number
 * drilling down to its reports. Live: the figures follow the event stream (at most once a second) and a timer
 * (overdue changes with time alone).
 */
export function BacklogPage({ onOpenReport }: { onOpenReport: (id: number) => void }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const nowMs = useNow(60_000);
  const [params, update, query] = useBacklogParams(new Date(nowMs));
  const live = useAgencyStats(query);
  const stats = useThrottledValue(live.data, 1000);
  const meta = useMeta();
  const names = useMemo(() => indexMeta(meta), [meta]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const closeDrill = useCallback(() => setDrill(null), []);

  const rows = useMemo(() => (stats ? unitRows(stats, meta, t('backlog.centre')) : []), [stats, meta, t]);
  const shownRows = useMemo(() => (params.q.trim() ? rows.filter((r) => matchesUnitSearch(r, params.q)) : rows), [rows, params.q]);
  const bars = useMemo(() => topUnitBars(rows, TOP_UNITS, params.sort, (n) => t('backlog.chart.others', fmt.number(n))), [rows, params.sort, t, fmt]);
  const asOf = stats ? new Date(stats.asOf) : new Date(nowMs);
  const scopeAll = t('backlog.drill.all');

  const open = (scope: DrillScope, figure: DrillFigure, count: number, labels: { figure: string; scope: string }) => {
    if (!stats) return;
    setDrill(makeDrill(query, stats, scope, figure, count, labels));
  };

  const period = rangeToQuery(params.range);
  return (
    <section className="bl-page" aria-labelledby="page-title">
      <header className="bl-page__head">
        <div>
          <h2 id="page-title" className="page__title">
            {t('backlog.title')}
          </h2>
          <p className="bl-note">{t('backlog.subtitle')}</p>
        </div>
        <PeriodPicker preset={params.preset} range={params.range} onChange={(preset, range) => update({ preset, ...(range ? { range } : {}) })} />
      </header>

      <div className="bl-filters">
        <label>
          <span>{t('backlog.filter.kind')}</span>
          <select value={params.kind ?? ''} onChange={(e) => update({ kind: (e.target.value || null) as AgencyKind | null })}>
            <option value="">{t('backlog.filter.allKinds')}</option>
            {agencyKinds.map((k) => (
              <option key={k} value={k}>
                {t(`backlog.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('backlog.filter.district')}</span>
          <select value={params.district ?? ''} onChange={(e) => update({ district: e.target.value || null })}>
            <option value="">{t('backlog.filter.allDistricts')}</option>
            {meta?.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="bl-filters__search">
          <span>{t('backlog.filter.search')}</span>
          <input type="search" value={params.q} placeholder={t('backlog.filter.searchPlaceholder')} onChange={(e) => update({ q: e.target.value })} />
        </label>
        <p className="bl-note bl-filters__meta" aria-live="polite">
          {t('backlog.period.shown', fmt.date(period.from), fmt.date(new Date(Date.parse(period.to) - 1)))}
          {stats && <> · {t('backlog.asOf', fmt.time(stats.asOf))}</>}
        </p>
      </div>

      {live.error !== null && live.error !== undefined && (
        <p className="bl-error" role="status">
          {t('backlog.loadError', describeError(live.error, t))}
        </p>
      )}
      {!stats && live.loading && <p className="bl-note">{t('backlog.loading')}</p>}

      {stats && (
        <>
          <FigureTiles totals={stats.totals} onDrill={(figure, count, label) => open('totals', figure, count, { figure: label, scope: scopeAll })} />
          <div className="bl-charts">
            <UnitChart
              bars={bars}
              sort={params.sort}
              onSort={(sort) => update({ sort })}
              onDrill={(scope, scopeLabel, figure, count) =>
                open(scope, figure, count, { figure: t(figure === 'overdue' ? 'backlog.fig.overdue' : 'backlog.fig.openNotOverdue'), scope: scopeLabel })
              }
            />
            <div className="bl-charts__side">
              <AgeingChart ageing={stats.totals.ageing} onDrill={(bucket, count, label) => open('totals', { ageing: bucket }, count, { figure: `${t('backlog.fig.overdue')} ${label}`, scope: scopeAll })} />
              <TrendChart trend={stats.trend} today={localDateOf(asOf)} onDrillToday={(count) => open('totals', 'overdue', count, { figure: t('backlog.fig.overdue'), scope: scopeAll })} />
            </div>
          </div>
          <UnitsTable
            rows={shownRows}
            total={rows.length}
            fileName={`ton-dong-qua-han_${params.range.fromDate}_${params.range.toDate}.csv`}
            onDrill={(row, figure, count, label) => open({ agencyId: row.agencyId }, figure, count, { figure: label, scope: row.name })}
          />
        </>
      )}
      {drill && <DrillDown drill={drill} names={names} now={asOf} onClose={closeDrill} onOpenReport={onOpenReport} />}
    </section>
  );
}

