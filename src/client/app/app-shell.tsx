import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ConnectionIndicator } from '../components/connection-indicator';
import { LanguageSwitch } from '../components/language-switch';
import { StaleBanner } from '../components/stale-banner';
import { KpiStrip } from '../features/kpi/components/kpi-strip';
import { useI18n } from '../lib/i18n/i18n-context';
import { SessionMenu } from '../lib/session/session-menu';
import { useRole } from '../lib/session/use-session';
import { can } from '../../shared/domain/access';
import { NAV_ITEMS } from './nav-items';
import { canOpen } from './route-access';
import { RouteLoading } from './route-loading';
import { NotAvailableRoute } from './routes/not-available-route';
import './styles/shell.css';

/**
 * The desk layout: navigation, live KPIs and connection state around the current page. The navigation lists only
 * the views the signed-in role may use; a view it may not use says so instead of loading into the server's 403s.
 * The province-wide KPI strip needs `stats.read` (a unit head has only their own unit's figures).
 */
export function AppShell() {
  const { t } = useI18n();
  const role = useRole();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter(({ to }) => canOpen(role, to));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <div>
          <h1 className="shell__heading">{t('app.title')}</h1>
          <p className="shell__subheading">{t('app.subtitle')}</p>
        </div>
        <div className="shell__status">
          <ConnectionIndicator />
          <SessionMenu />
          <LanguageSwitch />
        </div>
      </header>
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <div className="shell__brand" aria-hidden="true">
          <span className="shell__brand-mark">IOC</span>
          <span>HUẾ-S</span>
        </div>
        <ul className="nav__list">
          {items.map(({ to, label, Icon }) => (
            <li key={to}>
              <NavLink to={to} className="nav__link">
                <Icon className="nav__icon" />
                <span>{t(label)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {can(role, 'stats.read') && (
        <div className="shell__kpi">
          <KpiStrip />
        </div>
      )}
      <div className="shell__banner">
        <StaleBanner />
      </div>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Suspense fallback={<RouteLoading />}>
          {canOpen(role, pathname) ? <Outlet /> : <NotAvailableRoute />}
        </Suspense>
      </main>
    </div>
  );
}
