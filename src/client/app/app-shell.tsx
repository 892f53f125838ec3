import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ConnectionIndicator } from '../components/connection-indicator';
import { LanguageSwitch } from '../components/language-switch';
import { StaleBanner } from '../components/stale-banner';
import { KpiStrip } from '../features/kpi/components/kpi-strip';
import { useI18n } from '../lib/i18n/i18n-context';
import { SessionButton } from '../lib/session/session-button';
import { NAV_ITEMS } from './nav-items';
import { RouteLoading } from './route-loading';
import './styles/shell.css';

/** The desk layout: navigation, live KPIs and connection state around the current page. */
export function AppShell() {
  const { t } = useI18n();
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
          <SessionButton />
          <LanguageSwitch />
        </div>
      </header>
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <div className="shell__brand" aria-hidden="true">
          <span className="shell__brand-mark">IOC</span>
          <span>HUẾ-S</span>
        </div>
        <ul className="nav__list">
          {NAV_ITEMS.map(({ to, label, Icon }) => (
            <li key={to}>
              <NavLink to={to} className="nav__link">
                <Icon className="nav__icon" />
                <span>{t(label)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="shell__kpi">
        <KpiStrip />
      </div>
      <div className="shell__banner">
        <StaleBanner />
      </div>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Suspense fallback={<RouteLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
