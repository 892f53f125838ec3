import { Navigate, Outlet, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n/i18n-context';
import { loadSession } from '../lib/session/session-store';
import { useSession } from '../lib/session/use-session';
import { canOpen, landingPath, unitHeadRedirect } from './route-access';
import { RouteLoading } from './route-loading';
import { NotAvailableRoute } from './routes/not-available-route';

/**
 * Every page but /login sits behind this: nothing renders (and nothing asks the API) until the server said who
 * we are; nobody signed in goes to /login?next=<here>; a unit head is kept on their own unit; "/" leads to the
 * role's start page. The shell checks its own pages; the wall (outside the shell) is checked here.
 */
export function SessionGate() {
  const { t } = useI18n();
  const { status, session } = useSession();
  const location = useLocation();
  if (!session) {
    if (status === 'error') {
      return (
        <div className="placeholder" role="alert">
          <p className="placeholder__text">{t('auth.unreachable')}</p>
          <button type="button" onClick={() => void loadSession().catch(() => undefined)}>
            {t('auth.retry')}
          </button>
        </div>
      );
    }
    return <RouteLoading />;
  }
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (session.role === 'anonymous') return <Navigate to={`/login?next=${encodeURIComponent(here)}`} replace />;
  const elsewhere = location.pathname === '/' ? landingPath(session) : unitHeadRedirect(session, location.pathname);
  if (elsewhere !== null) return <Navigate to={elsewhere} replace />;
  if ((location.pathname === '/wall' || location.pathname.startsWith('/wall/')) && !canOpen(session.role, '/wall')) {
    return (
      <main id="main" className="shell__main">
        <NotAvailableRoute />
      </main>
    );
  }
  return <Outlet />;
}
