import { useState } from 'react';
import { LiveFeed } from '../../features/live-feed/components/live-feed';
import { MapFiltersBar } from '../../features/map/components/map-filters-bar';
import { MapPanel } from '../../features/map/components/map-panel';
import { ViewportList } from '../../features/map/components/viewport-list';
import { MapDataProvider } from '../../features/map/hooks/map-data-context';
import { useMapFilters } from '../../features/map/hooks/use-map-filters';
import { ReportDetailDrawer } from '../../features/report-detail/components/report-detail-drawer';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSelectedReport } from '../use-selected-report';
import './map-route.css';

type Tab = 'feed' | 'list';

/**
 * /map: filters (in the URL), the live map, and beside it the live feed or the keyboard list of the reports in
 * view (the map's accessible alternative); a point, a feed item or a list row opens the detail drawer
 * (`?report=<id>`, so an open report can be bookmarked too).
 */
export function MapRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('page.map.title'));
  const { filters, choropleth, setFilters, setChoropleth } = useMapFilters();
  const [selected, select] = useSelectedReport();
  const [tab, setTab] = useState<Tab>('feed');
  const tabs: Tab[] = ['feed', 'list'];

  return (
    <section className="map-page" aria-labelledby="page-title">
      <h2 id="page-title" className="visually-hidden">
        {t('page.map.title')}
      </h2>
      <MapFiltersBar filters={filters} choropleth={choropleth} onChange={setFilters} onChoropleth={setChoropleth} />
      <MapDataProvider filters={filters}>
        <div className="map-page__body">
          <div className="map-page__map">
            <MapPanel filters={filters} choropleth={choropleth} onSelect={select} />
          </div>
          <aside className="map-page__side">
            <div className="map-page__tabs" role="tablist" aria-label={t('page.map.title')}>
              {tabs.map((k) => (
                <button
                  key={k}
                  id={`map-tab-${k}`}
                  type="button"
                  role="tab"
                  aria-selected={tab === k}
                  aria-controls={`map-tabpanel-${k}`}
                  tabIndex={tab === k ? 0 : -1}
                  className="map-page__tab"
                  onClick={() => setTab(k)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                      const next = tabs[(tabs.indexOf(k) + 1) % tabs.length] ?? 'feed';
                      setTab(next);
                      document.getElementById(`map-tab-${next}`)?.focus();
                    }
                  }}
                >
                  {t(`map.tab.${k}`)}
                </button>
              ))}
            </div>
            <div id={`map-tabpanel-${tab}`} role="tabpanel" aria-labelledby={`map-tab-${tab}`} className="map-page__panel">
              {tab === 'feed' ? <LiveFeed onSelect={select} /> : <ViewportList onSelect={select} />}
            </div>
          </aside>
        </div>
      </MapDataProvider>
      <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
    </section>
  );
}
