import { Link, useLocation } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useSession } from '../../lib/session/use-session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { landingPath } from '../route-access';

/**
 * A view the signed-in role may not use: said plainly, with a way to the role's own start page — instead of the
 * page loading and every panel showing the server's 403.
 */
export function NotAvailableRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('auth.denied.title'));
  const { session } = useSession();
  const location = useLocation();
  const role = session?.role ?? 'anonymous';
  const home = session ? landingPath(session) : '/login';
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <section className="placeholder" aria-labelledby="denied-title" data-testid="not-available">
      <h2 id="denied-title" className="page__title">
        {t('auth.denied.title')}
      </h2>
      <p className="placeholder__text">{t('auth.denied.text', t(`auth.role.${role}`))}</p>
      <p>
        {home !== location.pathname && <Link to={home}>{t('auth.denied.home')}</Link>}
        {home !== location.pathname && ' · '}
        <Link to={`/login?next=${next}`}>{t('auth.denied.other')}</Link>
      </p>
    </section>
  );
}
