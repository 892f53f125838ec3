import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { ComponentType } from 'react';
import { Link, useSearchParams } from 'react-router';
import { KpiStrip } from '../../features/kpi/components/kpi-strip';
import { WallScreen } from '../../features/wall/components/wall-screen';
import type { WallView } from '../../features/wall/components/wall-screen';
import { parseWallParams } from '../../features/wall/model/wall-params';
import { useI18n } from '../../lib/i18n/i18n-context';
import type { MessageKey } from '../../lib/i18n/messages-vi';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RouteLoading } from '../route-loading';
import { useSelectedReport } from '../use-selected-report';
import '../styles/wall.css';

type PanelModule = Record<string, unknown>;

/**
 * Views other issues provide arrive as chrome-less panels in their feature folders. They are found by file
 * name at build time, so the wall shows a view as soon as its panel exists and skips it (with a note) before:
 * it never shows an empty box for a view that is not there.
 */
const panelModules: Record<string, () => Promise<PanelModule>> = {
  ...import.meta.glob<PanelModule>('../../features/map/components/map-panel.tsx'),
  ...import.meta.glob<PanelModule>('../../features/backlog/components/backlog-panel.tsx'),
  ...import.meta.glob<PanelModule>('../../features/rankings/components/rankings-panel.tsx'),
};

interface PanelProps {
  variant?: 'wall';
  onSelect?: (reportId: number) => void;
}

/** view id → [the panel file, the export that renders it] */
const PANELS: Record<string, [string, string]> = {
  map: ['../../features/map/components/map-panel.tsx', 'MapPanel'],
  backlog: ['../../features/backlog/components/backlog-panel.tsx', 'BacklogPanel'],
  rankings: ['../../features/rankings/components/rankings-panel.tsx', 'RankingsPanel'],
};

const lazyPanels: Record<string, ComponentType<PanelProps>> = Object.fromEntries(
  Object.entries(PANELS).flatMap(([id, [file, name]]) => {
    const load = panelModules[file];
    if (!load) return [];
    const Panel = lazy(async () => {
      const mod = await load();
      const component = mod[name];
      if (typeof component !== 'function' && (typeof component !== 'object' || component === null)) {
        throw new Error(`${file} does not export ${name}`);
      }
      return { default: component as ComponentType<PanelProps> };
    });
    return [[id, Panel]];
  }),
);

/** Its own chunk, like every view: the wall's frame (clock, KPIs, stale warning) paints first. */
const LiveFeed = lazy(async () => ({ default: (await import('../../features/live-feed/components/live-feed')).LiveFeed }));

/** Loaded only when a report is opened on the wall: an unattended wall never needs it. */
const ReportDetailDrawer = lazy(async () => ({
  default: (await import('../../features/report-detail/components/report-detail-drawer')).ReportDetailDrawer,
}));

/** Playlist order when the URL names no views. */
const ORDER = ['map', 'feed', 'backlog', 'rankings'] as const;
const AVAILABLE: readonly string[] = ORDER.filter((id) => id === 'feed' || id in lazyPanels);

/**
 * `/wall?views=map,feed,backlog,rankings&rotate=30&stale=60`: the full-screen wall. Only views that exist
 * rotate; the others are named in a small note. A report clicked on the wall opens in the detail drawer and
 * holds the rotation while it is open.
 */
export function WallRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.wall'));
  const [search] = useSearchParams();
  const [selected, select] = useSelectedReport();
  const params = useMemo(() => parseWallParams(search, AVAILABLE), [search]);

  useEffect(() => {
    // the page background outside the wall's box (overscroll, scrollbar) is dark too
    document.documentElement.dataset.theme = 'wall';
    return () => {
      delete document.documentElement.dataset.theme;
    };
  }, []);

  const views: WallView[] = params.views.map((id) => {
    const label = t(`wall.view.${id}` as MessageKey);
    if (id === 'feed') {
      return {
        id,
        label,
        render: () => (
          <Suspense fallback={<RouteLoading />}>
            <LiveFeed variant="wall" onSelect={select} />
          </Suspense>
        ),
      };
    }
    const Panel = lazyPanels[id] as ComponentType<PanelProps>;
    return {
      id,
      label,
      render: () => (
        <Suspense fallback={<RouteLoading />}>
          <Panel variant="wall" onSelect={select} />
        </Suspense>
      ),
    };
  });

  return (
    <>
      <WallScreen
        views={views}
        unknown={params.unknown}
        rotateMs={params.rotateMs}
        staleMs={params.staleMs}
        paused={selected !== null}
        kpis={<KpiStrip variant="wall" />}
        exit={
          <Link className="wall__exit" to="/map">
            {t('wall.exit')}
          </Link>
        }
      />
      {selected !== null && (
        <Suspense fallback={null}>
          <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
        </Suspense>
      )}
    </>
  );
}
