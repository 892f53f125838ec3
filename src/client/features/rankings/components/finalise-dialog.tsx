import { useEffect, useRef, useState } from 'react';
import type { RankingResponse } from '../../../../shared/contract/rankings';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { finaliseQuarter, rememberOperatorToken, storedOperatorToken } from '../api/rankings-api';

interface Props {
  quarter: string;
  quarterLabel: string;
  onClose: () => void;
  onFinalised: (r: RankingResponse) => void;
}

/** Confirmation before freezing a quarter: who finalises, and (until roles exist) the operator token. */
export function FinaliseDialog({ quarter, quarterLabel, onClose, onFinalised }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [by, setBy] = useState('');
  const known = storedOperatorToken();
  const [token, setToken] = useState(known ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d || d.open) return;
    // jsdom and old engines lack showModal: an open dialog still shows the form
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, []);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await finaliseQuarter(quarter, by.trim(), token.trim());
      rememberOperatorToken(token.trim());
      onFinalised(r);
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} className="rk-dialog" aria-labelledby="rk-dialog-title" onCancel={onClose} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (by.trim() && token.trim() && !busy) void submit();
        }}
      >
        <h2 id="rk-dialog-title">{t('rankings.finalise.title', quarterLabel)}</h2>
        <p>{t('rankings.finalise.text')}</p>
        <label className="rk-field">
          <span>{t('rankings.finalise.by')}</span>
          <input name="by" value={by} onChange={(e) => setBy(e.target.value)} required maxLength={200} autoComplete="name" />
        </label>
        {known === null && (
          <div className="rk-field">
            <label htmlFor="rk-token">{t('rankings.finalise.token')}</label>
            <input id="rk-token" name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="off" aria-describedby="rk-token-hint" />
            <small id="rk-token-hint">{t('rankings.finalise.tokenHint')}</small>
          </div>
        )}
        {error && (
          <p className="rk-error" role="alert">
            {t('rankings.finalise.error', error)}
          </p>
        )}
        <div className="rk-dialog__actions">
          <button type="button" className="rk-btn" onClick={onClose}>
            {t('rankings.finalise.cancel')}
          </button>
          <button type="submit" className="rk-btn rk-btn--primary" disabled={busy || !by.trim() || !token.trim()}>
            {t('rankings.finalise.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
