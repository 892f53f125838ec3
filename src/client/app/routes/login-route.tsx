import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AccountRole, SessionResponse } from '../../../shared/contract/session';
import { LanguageSwitch } from '../../components/language-switch';
import { ApiRequestError } from '../../lib/api/api-error';
import { describeError } from '../../lib/api/describe-error';
import { useMeta } from '../../lib/api/get-meta';
import { useI18n } from '../../lib/i18n/i18n-context';
import type { Translate } from '../../lib/i18n/translate';
import { hardNavigate } from '../../lib/session/hard-navigate';
import { clearNotice, hasCredential, signIn, signInDemo } from '../../lib/session/session-store';
import { useSession } from '../../lib/session/use-session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOpen, landingPath, safeNext, unitHeadRedirect } from '../route-access';
import '../styles/login.css';

const DEMO_ROLES: readonly AccountRole[] = ['operator', 'leader', 'home_affairs', 'unit_head', 'display'];
const UNIT_KINDS = ['department', 'district_pc', 'commune_pc', 'public_service', 'central_agency'] as const;

/** Where to go once signed in: back where they were if the role may open it, else the role's start page. */
export function targetAfterSignIn(session: SessionResponse, next: string | null): string {
  const wanted = safeNext(next);
  if (wanted) {
    const path = wanted.split(/[?#]/)[0] ?? wanted;
    if (canOpen(session.role, path) && unitHeadRedirect(session, path) === null) return wanted;
  }
  return landingPath(session);
}

function loginError(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError && err.status === 401) return t('auth.login.invalid');
  if (err instanceof ApiRequestError && err.status === 429) {
    return t('auth.login.rateLimited', t('auth.login.seconds', String(err.retryAfterSeconds ?? 300)));
  }
  return t('auth.login.failed', describeError(err, t));
}

/**
 * /login: the account form and, when the server runs in demo mode, a clearly labelled role picker. A visitor
 * who was sent here by an expired session reads why; one on an open server (PUBLIC_VIEW) may go back to viewing.
 */
export function LoginRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('auth.login.title'));
  const [search] = useSearchParams();
  const next = search.get('next');
  const { status, session, notice } = useSession();
  // the notice belongs to this visit of the page: shown now, forgotten for the next one
  const [shownNotice] = useState(notice);
  useEffect(() => {
    if (notice !== null) clearNotice();
  }, [notice]);

  const go = (s: SessionResponse) => hardNavigate(targetAfterSignIn(s, next));

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <main className="login__main" id="main">
        <header className="login__brand">
          <span className="login__mark" aria-hidden="true">
            IOC
          </span>
          <div>
            <p className="login__app">{t('app.title')}</p>
            <p className="login__sub">{t('app.subtitle')}</p>
          </div>
        </header>
        {shownNotice === 'expired' && (
          <p className="login__notice" role="alert" data-testid="login-expired">
            {t('auth.login.expired')}
          </p>
        )}
        {shownNotice === 'display_rejected' && (
          <p className="login__notice" role="alert">
            {t('auth.login.displayRejected')}
          </p>
        )}
        <div className={session?.demo ? 'login__panels login__panels--demo' : 'login__panels'}>
          <section className="login__card" aria-labelledby="login-title">
            <h1 id="login-title" className="login__title">
              {t('auth.login.title')}
            </h1>
            <p className="login__lead">{t('auth.login.lead')}</p>
            {session && hasCredential(session) && (
              <p className="login__current">
                {t('auth.login.signedInAs', [t(`auth.role.${session.role}`), session.user?.displayName].filter(Boolean).join(' · '))}{' '}
                <button type="button" className="login__link-button" onClick={() => go(session)}>
                  {t('auth.login.continue')}
                </button>
              </p>
            )}
            <LoginForm onSignedIn={go} />
            {session?.role === 'public' && (
              <p className="login__public">
                <Link to={safeNext(next) ?? '/'}>{t('auth.login.continuePublic')}</Link>
              </p>
            )}
          </section>
          {session?.demo && <DemoPicker onSignedIn={go} />}
        </div>
        {status === 'error' && (
          <p className="login__notice" role="status">
            {t('auth.unreachable')}
          </p>
        )}
      </main>
    </div>
  );
}

function LoginForm({ onSignedIn }: { onSignedIn: (s: SessionResponse) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(username, password));
    } catch (err) {
      setError(loginError(err, t));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form
      className="login__form"
      aria-labelledby="login-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <label htmlFor={`${id}-user`} className="login__label">
        {t('auth.login.username')}
      </label>
      <input
        id={`${id}-user`}
        name="username"
        className="login__input"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={64}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-pass`} className="login__label">
        {t('auth.login.password')}
      </label>
      <input
        id={`${id}-pass`}
        name="password"
        className="login__input"
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="login__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="login__submit" disabled={busy || username.trim() === '' || password === ''}>
        {busy ? t('auth.login.busy') : t('auth.login.submit')}
      </button>
    </form>
  );
}

/** Demo mode only (the server says so in GET /api/v1/session): enter as any role without a password. */
function DemoPicker({ onSignedIn }: { onSignedIn: (s: SessionResponse) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const meta = useMeta();
  const [unit, setUnit] = useState('');
  const [busy, setBusy] = useState<AccountRole | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groups = useMemo(() => {
    const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en');
    const agencies = meta?.agencies ?? [];
    return UNIT_KINDS.map((k) => ({ kind: k, list: agencies.filter((a) => a.kind === k).sort((a, b) => collator.compare(a.shortName, b.shortName)) })).filter(
      (g) => g.list.length > 0,
    );
  }, [meta, locale]);

  const enter = async (role: AccountRole) => {
    if (role === 'unit_head' && unit === '') {
      setError(t('auth.demo.needUnit'));
      return;
    }
    setBusy(role);
    setError(null);
    try {
      onSignedIn(await signInDemo(role, role === 'unit_head' ? unit : undefined));
    } catch (err) {
      setError(t('auth.demo.failed', describeError(err, t)));
      setBusy(null);
    }
  };

  return (
    <section className="login__card login__demo" aria-labelledby={`${id}-title`} data-testid="demo-picker">
      <h2 id={`${id}-title`} className="login__title">
        <span className="login__demo-badge">{t('auth.demo.badge')}</span> {t('auth.demo.title')}
      </h2>
      <p className="login__demo-text">{t('auth.demo.text')}</p>
      <ul className="login__roles">
        {DEMO_ROLES.map((role) => (
          <li key={role} className="login__role">
            <div className="login__role-text">
              <strong>{t(`auth.role.${role}`)}</strong>
              <span>{t(`auth.roleDesc.${role}`)}</span>
              {role === 'unit_head' && (
                <span className="login__unit">
                  <label htmlFor={`${id}-unit`}>{t('auth.demo.unit')}</label>
                  <select id={`${id}-unit`} name="agencyId" value={unit} onChange={(e) => setUnit(e.target.value)}>
                    <option value="">{t('auth.demo.unitPlaceholder')}</option>
                    {groups.map((g) => (
                      <optgroup key={g.kind} label={t(`units.group.${g.kind}`)}>
                        {g.list.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.shortName}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </span>
              )}
            </div>
            <button type="button" className="login__role-button" disabled={busy !== null} onClick={() => void enter(role)}>
              {t('auth.demo.enter', t(`auth.role.${role}`))}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="login__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
