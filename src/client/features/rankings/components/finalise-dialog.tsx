import { useEffect, useRef, useState } from 'react';
import type { RankingResponse } from '../../../../shared/contract/rankings';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { finaliseQuarter } from '../api/rankings-api';

interface Props {
  quarter: string;
  quarterLabel: string;
  onClose: () => void;
  onFinalised: (r: RankingResponse) => void;
}

/** Confirmation before freezing a quarter: who finalises (the signed-in session is what the server checks). */
export function FinaliseDialog({ quarter, quarterLabel, onClose, onFinalised }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [by, setBy] = useState('');
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
      const r = await finaliseQuarter(quarter, by.trim());
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
          if (by.trim() && !busy) void submit();
        }}
      >
        <h2 id="rk-dialog-title">{t('rankings.finalise.title', quarterLabel)}</h2>
        <p>{t('rankings.finalise.text')}</p>
        <label className="rk-field">
          <span>{t('rankings.finalise.by')}</span>
          <input name="by" value={by} onChange={(e) => setBy(e.target.value)} required maxLength={200} autoComplete="name" />
        </label>
        {error && (
          <p className="rk-error" role="alert">
            {t('rankings.finalise.error', error)}
          </p>
        )}
        <div className="rk-dialog__actions">
          <button type="button" className="rk-btn" onClick={onClose}>
            {t('rankings.finalise.cancel')}
          </button>
          <button type="submit" className="rk-btn rk-btn--primary" disabled={busy || !by.trim()}>
            {t('rankings.finalise.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
