import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { BreakdownResponse } from '../../../../shared/contract/stats';
import { useMeta } from '../../../lib/api/get-meta';
import { indexMeta } from '../../../lib/api/meta-index';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useBreakdown } from '../api/get-breakdown';
import { useHotspots } from '../api/get-hotspots';
import { useKpis } from '../api/get-kpis';
import { useTimeseries } from '../api/get-timeseries';
import { dimsFilter, type Drill } from '../model/drill';
import { localNoon } from '../model/period';
import { periodQuery, readStatsParams, writeStatsParams, type StatsParams } from '../model/stats-params';
import { BreakdownTable } from './breakdown-table';
import { DistrictMap } from './district-map';
import { DrillDownPanel } from './drill-down-panel';
import { HotspotsPanel } from './hotspots-panel';
import { KpiCards } from './kpi-cards';
import { PeriodPicker } from './period-picker';
import { StatsFilters } from './stats-filters';
import { TimeseriesPanel } from './timeseries-panel';
import './leadership-stats.css';

/** /stats: leadership's period statistics, every figure drilling down to its reports. */
export function LeadershipStats({ onOpenReport, unitLink }: { onOpenReport?: (id: number) => void; unitLink?: (agencyId: string) => string }) {
  const { t, fmt, locale } = useI18n();
  const [sp, setSp] = useSearchParams();
  // presets are relative to today; the page keeps the day it was opened on (a wall left overnight reloads)
  const [now] = useState(() => new Date());
  const params = readStatsParams(sp, now);
  const meta = useMeta();
  const names = useMemo(() => indexMeta(meta), [meta]);
  const [drill, setDrill] = useState<Drill | null>(null);

  const update = useCallback((patch: Partial<StatsParams>) => setSp((prev) => writeStatsParams(prev, patch), { replace: true }), [setSp]);

  const query = periodQuery(params);
  const dims = dimsFilter(query);
  const kpis = useKpis(query);
  const series = useTimeseries({ ...query, ...(params.interval ? { interval: params.interval } : {}) });
  const byCategory = useBreakdown({ ...query, by: 'category' });
  const byDistrict = useBreakdown({ ...query, by: 'district' });
  const byAgency = useBreakdown({ ...query, by: 'agency' });
  const hotspots = useHotspots({ ...query, radius: params.radius, minCount: params.minCount, windowDays: params.windowDays });

  const rangeText = t('stats.period.range', fmt.date(localNoon(params.range.fromDate)), fmt.date(localNoon(params.range.toDate)));
  const filterText = [
    params.categoryId ? names.categoryName(params.categoryId, locale) : null,
    params.districtCode ? names.districtName(params.districtCode) : null,
    params.agencyId ? names.agencyName(params.agencyId) : null,
  ].filter(Boolean);
  const subtitle = [rangeText, ...filterText].join(' · ');

  const table = (res: { data: BreakdownResponse | null; error: unknown }, render: (data: BreakdownResponse) => ReactNode) => (
    <>
      {res.data ? render(res.data) : <p className="lstats-note">{t('stats.loading')}</p>}
      {res.error !== null && res.error !== undefined && (
        <p className="lstats-error" role="status">
          {t('stats.loadError', describeError(res.error, t))}
        </p>
      )}
    </>
  );

  return (
    <section className="lstats" aria-labelledby="page-title">
      <header className="lstats__head">
        <div>
          <h2 id="page-title" className="page__title">
            {t('stats.title')}
          </h2>
          <p className="lstats__lead">{t('stats.lead')}</p>
        </div>
        <p className="lstats__range" data-testid="stats-range">
          {subtitle}
        </p>
      </header>
      <div className="lstats__controls">
        <PeriodPicker key={`${params.preset}:${params.range.fromDate}:${params.range.toDate}`} preset={params.preset} range={params.range} onChange={(preset, range) => update({ preset, range })} />
        <StatsFilters meta={meta} value={params} onChange={(patch) => update(patch)} />
      </div>

      <KpiCards data={kpis.data} error={kpis.error} dims={dims} subtitle={subtitle} onDrill={setDrill} />
      <TimeseriesPanel data={series.data} error={series.error} interval={params.interval} onInterval={(interval) => update({ interval })} dims={dims} onDrill={setDrill} />

      <div className="lstats__grid">
        <section className="lstats-card" aria-labelledby="lstats-by-category">
          <h3 id="lstats-by-category">{t('stats.by.category')}</h3>
          {table(byCategory, (data) => (
            <BreakdownTable data={data} caption={t('stats.by.category')} nameOf={(k) => (k === null ? '—' : names.categoryName(k, locale))} dims={dims} subtitle={subtitle} onDrill={setDrill} />
          ))}
        </section>
        <section className="lstats-card" aria-labelledby="lstats-by-district">
          <h3 id="lstats-by-district">{t('stats.by.district')}</h3>
          {table(byDistrict, (data) => (
            <>
              <DistrictMap data={data} metric={params.mapMetric} onMetric={(mapMetric) => update({ mapMetric })} dims={dims} subtitle={subtitle} onDrill={setDrill} />
              <BreakdownTable
                data={data}
                caption={t('stats.by.district')}
                nameOf={(k) => (k === null ? t('stats.unknownDistrict') : (names.districtName(k) ?? k))}
                dims={dims}
                subtitle={subtitle}
                onDrill={setDrill}
              />
            </>
          ))}
        </section>
      </div>

      <section className="lstats-card" aria-labelledby="lstats-by-agency">
        <h3 id="lstats-by-agency">{t('stats.by.agency')}</h3>
        {table(byAgency, (data) => (
          <BreakdownTable
            data={data}
            caption={t('stats.by.agency')}
            limit={15}
            nameOf={(k) => (k === null ? t('stats.unassigned') : (names.agencyName(k) ?? k))}
            linkOf={unitLink}
            dims={dims}
            subtitle={subtitle}
            onDrill={setDrill}
          />
        ))}
      </section>

      <HotspotsPanel
        data={hotspots.data}
        error={hotspots.error}
        radius={params.radius}
        minCount={params.minCount}
        windowDays={params.windowDays}
        onParams={(p) => update(p)}
        categoryName={(id) => names.categoryName(id, locale)}
        districtName={(code) => names.districtName(code)}
        wards={meta?.wards ?? []}
        onDrill={setDrill}
      />

      <DrillDownPanel drill={drill} names={names} onClose={() => setDrill(null)} onOpenReport={onOpenReport} />
    </section>
  );
}
