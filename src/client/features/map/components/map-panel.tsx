import { useMemo, useState, useEffect } from 'react';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useDistrictStats } from '../api/get-district-stats';
import { useMapTiles } from '../api/get-map-config';
import { MapDataProvider, useMapController, useMapDataState } from '../hooks/map-data-context';
import { useMapFilters } from '../hooks/use-map-filters';
import { districtQueryParams } from '../model/map-filters';
import type { Choropleth as ChoroplethMode, MapFilters } from '../model/map-filters';
import { STATE } from '../model/map-state';
import { choroplethBreaks } from '../model/map-style';
import type { DistrictStatsResponse } from '../../../../shared/contract/map';
import type { Choropleth } from './district-layer';
import { ChoroplethLegend, MapLegend } from './map-legend';
import { MapView } from './map-view';
import './map.css';

export interface MapPanelProps {
  /** what to show; defaults to the filters in the page's URL (`/wall?views=map&state=overdue`) */
  filters?: MapFilters;
  /** district shading; defaults to the URL's `choropleth` */
  choropleth?: ChoroplethMode;
  /** a point was clicked; nothing happens when absent (an unattended wall screen) */
  onSelect?: (reportId: number) => void;
  /** 'wall': dark, larger symbols and type, no chrome beyond the legend */
  variant?: 'desk' | 'wall';
  /** hide the legend (a very small panel) */
  legend?: boolean;
}

/** Loads the aggregate while the choropleth is on (mounted only then). */
function DistrictStats({ query, onData }: { query: Record<string, string>; onData: (d: DistrictStatsResponse | null) => void }) {
  const { data } = useDistrictStats(query);
  useEffect(() => onData(data), [data, onData]);
  return null;
}

function Panel({ filters, choropleth, onSelect, variant, legend }: Required<Omit<MapPanelProps, 'onSelect'>> & Pick<MapPanelProps, 'onSelect'>) {
  const { t, fmt, locale } = useI18n();
  const controller = useMapController();
  const data = useMapDataState(controller);
  const tiles = useMapTiles();
  const [stats, setStats] = useState<DistrictStatsResponse | null>(null);
  const query = useMemo(() => districtQueryParams(filters), [filters]);
  const shading = useMemo((): Choropleth | null => {
    if (choropleth === 'off') return null;
    const values = stats?.districts.map((d) => (choropleth === 'open' ? d.open : d.overdue)) ?? [];
    return { measure: choropleth, stats, breaks: choroplethBreaks(Math.max(0, ...values)) };
  }, [choropleth, stats]);
  const totals = data.built?.totals ?? null;
  const wall = variant === 'wall';
  const select = useMemo(() => onSelect ?? (() => {}), [onSelect]);

  return (
    <div
      className={`map-panel map-panel--${variant}`}
      data-testid="map-panel"
      data-map-count={totals?.count ?? ''}
      data-map-version={data.built?.version ?? ''}
    >
      {choropleth !== 'off' && <DistrictStats query={query} onData={setStats} />}
      <MapView
        controller={controller}
        onSelect={select}
        theme={wall ? 'dark' : 'light'}
        scale={wall ? 1.5 : 1}
        locale={locale === 'en' ? 'en-GB' : 'vi-VN'}
        choropleth={shading}
        tiles={tiles}
        label={t('map.label')}
      />
      <div className="map-panel__status" role="status">
        {data.status === 'loading' && <span className="map-panel__badge">{t('map.loading')}</span>}
        {data.error !== null && data.error !== undefined && (
          <span className="map-panel__badge map-panel__badge--error">{t('map.loadError', describeError(data.error, t))}</span>
        )}
        {totals && (
          <span className="map-panel__badge map-panel__badge--count" data-testid="map-total">
            {totals.count === totals.loaded ? t('map.total', fmt.number(totals.count)) : t('map.totalOf', fmt.number(totals.count), fmt.number(totals.loaded))}
            {(totals.byState[STATE.overdue] ?? 0) > 0 && (filters.states & (1 << STATE.overdue)) !== 0 && (
              <strong className="map-panel__overdue"> · {t('map.overdueCount', fmt.number(totals.byState[STATE.overdue] ?? 0))}</strong>
            )}
          </span>
        )}
        {totals?.count === 0 && <span className="map-panel__badge">{t('map.empty')}</span>}
      </div>
      {legend && (
        <div className="map-panel__legends">
          {shading && <ChoroplethLegend measure={shading.measure} breaks={shading.breaks} />}
          <MapLegend totals={totals} mask={filters.states} />
        </div>
      )}
    </div>
  );
}

function UrlPanel(props: MapPanelProps) {
  const url = useMapFilters();
  const filters = props.filters ?? url.filters;
  const choropleth = props.choropleth ?? url.choropleth;
  return <WithData filters={filters} choropleth={choropleth} onSelect={props.onSelect} variant={props.variant ?? 'desk'} legend={props.legend ?? true} />;
}

function WithData(props: Required<Omit<MapPanelProps, 'onSelect'>> & Pick<MapPanelProps, 'onSelect'>) {
  const outer = useMapController();
  if (outer) return <Panel {...props} />;
  return (
    <MapDataProvider filters={props.filters} radius={props.variant === 'wall' ? 88 : undefined}>
      <Panel {...props} />
    </MapDataProvider>
  );
}

/**
 * The live map without page chrome: fills its container (give it a height), fits the province, keeps itself
 * current. Inside a MapDataProvider it shares that provider's data (the /map page's list uses the same
 * worker); alone (the wall) it starts its own.
 */
export function MapPanel(props: MapPanelProps) {
  return <UrlPanel {...props} />;
}
