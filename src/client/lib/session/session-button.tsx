import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/i18n-context';
import { signIn, signOut, useSession } from './use-session';
import './session.css';

/** Offered in the server-less demo only (the demo's mock accepts it); the real server prints its own token. */
const demoHint: Promise<string | null> = __DEMO__ ? import('../../../../mocks/handlers').then((m) => m.MOCK_OPERATOR_TOKEN) : Promise.resolve(null);

/**
 * Header control: "Đăng nhập điều hành viên" opens a small dialog where the operator pastes the token the server
 * printed; signed in, it shows the role and a sign-out button. Operator-only controls elsewhere follow useSession().
 */
export function SessionButton() {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputId = useId();

  useEffect(() => {
    let live = true;
    void demoHint.then((h) => live && setHint(h));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) {
      // jsdom has no showModal: the dialog still opens (non-modal) there
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const role = await signIn(token);
      if (role === 'operator') {
        setOpen(false);
        setToken('');
      } else {
        setError(t('session.rejected'));
      }
    } catch (err) {
      setError(t('session.failed', describeError(err, t)));
    } finally {
      setBusy(false);
    }
  };

  if (session.role === 'operator' || session.role === 'checking') {
    return (
      <div className="session session--operator" data-testid="session-state" data-role={session.role}>
        <span className="session__badge" title={t('session.signedInAs')}>
          {session.role === 'checking' ? t('session.checking') : t('session.operator')}
        </span>
        <button type="button" className="session__button" onClick={signOut}>
          {t('session.signOut')}
        </button>
      </div>
    );
  }

  return (
    <div className="session" data-testid="session-state" data-role="viewer">
      <button type="button" className="session__button" onClick={() => setOpen(true)}>
        {t('session.signIn')}
      </button>
      <dialog ref={dialogRef} className="session__dialog" aria-labelledby={`${inputId}-title`} onClose={() => setOpen(false)}>
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h2 id={`${inputId}-title`} className="session__title">
            {t('session.dialogTitle')}
          </h2>
          <p className="session__text">{t('session.dialogText')}</p>
          <label htmlFor={inputId} className="session__label">
            {t('session.tokenLabel')}
          </label>
          <input
            id={inputId}
            className="session__input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            autoFocus
          />
          {hint && <p className="session__hint">{t('session.demoHint', hint)}</p>}
          {error && (
            <p className="session__error" role="alert">
              {error}
            </p>
          )}
          <div className="session__actions">
            <button type="button" className="session__button" onClick={() => setOpen(false)}>
              {t('session.cancel')}
            </button>
            <button type="submit" className="session__button session__button--primary" disabled={busy || token.trim() === ''}>
              {t('session.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
