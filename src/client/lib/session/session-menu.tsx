import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMeta } from '../api/get-meta';
import { useI18n } from '../i18n/i18n-context';
import { hardNavigate } from './hard-navigate';
import { hasCredential, signOut } from './session-store';
import { useSession } from './use-session';
import './session.css';

/**
 * Header control: who is signed in (role, name, a unit head's unit) and "Đăng xuất"; a visitor on an open server
 * gets "Đăng nhập". Signing out ends the server-side session and reloads on the login page (the live stream and
 * every cached view belonged to the old session).
 */
export function SessionMenu({ onSignedOut = goToLogin }: { onSignedOut?: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const meta = useMeta();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  if (!session) return null;

  if (!hasCredential(session)) {
    const next = `${location.pathname}${location.search}`;
    return (
      <div className="session" data-testid="session-state" data-role={session.role}>
        <span className="session__badge session__badge--muted">{t(`auth.role.${session.role}`)}</span>
        <Link className="session__button" to={`/login?next=${encodeURIComponent(next)}`}>
          {t('auth.menu.signIn')}
        </Link>
      </div>
    );
  }

  const unit = session.agencyId ? (meta?.agencies.find((a) => a.id === session.agencyId)?.shortName ?? session.agencyId) : null;
  const out = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      onSignedOut();
    }
  };
  return (
    <div className="session session--signed-in" role="group" aria-label={t('auth.menu.label')} data-testid="session-state" data-role={session.role}>
      <span className="session__who">
        <span className="session__badge" data-testid="session-role">
          {t(`auth.role.${session.role}`)}
          {unit ? ` · ${unit}` : ''}
        </span>
        {session.user && (
          <span className="session__user" data-testid="session-user" title={session.user.username}>
            {session.user.displayName}
          </span>
        )}
        {session.demo && <span className="session__demo">{t('auth.demo.badge')}</span>}
      </span>
      <button type="button" className="session__button" onClick={() => void out()} disabled={busy}>
        {busy ? t('auth.menu.signingOut') : t('auth.menu.signOut')}
      </button>
    </div>
  );
}

/** A full load of the login page: nothing of the old session's views survives. */
function goToLogin(): void {
  hardNavigate('/login');
}
