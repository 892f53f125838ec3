import { useEffect } from 'react';
import { Link } from 'react-router';
import { ConnectionIndicator } from '../../components/connection-indicator';
import { StaleBanner } from '../../components/stale-banner';
import { KpiStrip } from '../../features/kpi/components/kpi-strip';
import { LatestReports } from '../../features/latest-reports/components/latest-reports';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useNow } from '../../lib/time/use-now';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../styles/wall.css';

function WallClock() {
  const { t, fmt } = useI18n();
  const now = useNow(1000);
  return (
    <div className="wall__clock" role="timer" aria-label={t('wall.clock')}>
      <time className="wall__time" dateTime={new Date(now).toISOString()}>
        {fmt.time(now)}
      </time>
      <span className="wall__date">{fmt.longDate(now)}</span>
    </div>
  );
}

/**
 * Full-screen view for the centre's wall: no navigation, dark theme, large type, a clock. The rotating
 * playlist of views (map, feed, backlog, rankings) arrives with the next issues; the panels here are real data.
 */
export function WallRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.wall'));
  useEffect(() => {
    // the page background outside the wall's box (overscroll, scrollbar) is dark too
    document.documentElement.dataset.theme = 'wall';
    return () => {
      delete document.documentElement.dataset.theme;
    };
  }, []);
  return (
    <div className="wall">
      <header className="wall__header">
        <div>
          <h1 className="wall__title">{t('app.title')}</h1>
          <p className="wall__subtitle">{t('app.subtitle')}</p>
        </div>
        <div className="wall__right">
          <ConnectionIndicator />
          <WallClock />
        </div>
      </header>
      <StaleBanner />
      <KpiStrip variant="wall" />
      <div className="wall__body">
        <div className="wall__panel">
          <LatestReports limit={12} variant="wall" />
        </div>
        <p className="wall__coming">{t('wall.comingViews')}</p>
      </div>
      <Link className="wall__exit" to="/map">
        {t('wall.exit')}
      </Link>
    </div>
  );
}
