import { useEffect, useRef, useState } from 'react';
import type { AgencyContactsResponse, ContactPerson, OverdueQueueItem, ReminderResponse } from '../../../../shared/contract/backlog';
import { escalationSteps, reminderChannels, type EscalationStep, type ReminderChannel } from '../../../../shared/contract/backlog-filter';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { getAgencyContacts, idempotencyKey, recordReminder } from '../api/queue-api';

interface Props {
  item: OverdueQueueItem;
  unitName: string;
  onClose: () => void;
  onRecorded: (res: ReminderResponse) => void;
}

function contactFor(contacts: AgencyContactsResponse | null, agencyId: string | null, target: EscalationStep): ContactPerson | null {
  if (!contacts) return null;
  if (target === 'province') return contacts.province;
  const c = contacts.items.find((i) => i.agencyId === agencyId);
  return c ? (target === 'officer' ? c.officer : c.leader) : null;
}

/**
 * Records a reminder (SMS, call or e-mail to the officer, the unit leader or provincial leadership) with a note.
 * The idempotency key is chosen when the dialog opens, so a double click or a retried request records it once.
 */
export function ReminderDialog({ item, unitName, onClose, onRecorded }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [key] = useState(idempotencyKey);
  const [channel, setChannel] = useState<ReminderChannel>('sms');
  const [target, setTarget] = useState<EscalationStep>(item.escalation.step ?? 'officer');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [contacts, setContacts] = useState<AgencyContactsResponse | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    let live = true;
    getAgencyContacts().then(
      (c) => live && setContacts(c),
      () => {
        // contacts are a help, not a requirement: the reminder is recorded either way
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await recordReminder(item.report.id, { channel, target, note, idempotencyKey: key });
      onRecorded(res);
    } catch (err) {
      setError(t('backlog.remind.error', describeError(err, t)));
      setBusy(false);
    }
  };

  const contact = contactFor(contacts, item.report.agencyId, target);
  return (
    <dialog ref={ref} className="oq-dialog" aria-labelledby="oq-dialog-title" onClose={onClose} data-testid="reminder-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <h2 id="oq-dialog-title" className="oq-dialog__title">
          {t('backlog.remind.title')}
        </h2>
        <p className="oq-dialog__report">
          {t('backlog.remind.report', item.report.externalId, item.report.title)}
          <br />
          <span className="oq-muted">{unitName}</span>
        </p>
        <fieldset className="oq-fieldset">
          <legend>{t('backlog.remind.channel')}</legend>
          {reminderChannels.map((c) => (
            <label key={c} className="oq-radio">
              <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} />
              {t(`backlog.channel.${c}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="oq-fieldset">
          <legend>{t('backlog.remind.target')}</legend>
          {escalationSteps.map((s) => (
            <label key={s} className="oq-radio">
              <input type="radio" name="target" value={s} checked={target === s} onChange={() => setTarget(s)} />
              {t(`backlog.step.${s}`)}
              {item.escalation.step === s && <span className="oq-badge oq-badge--due">{t('backlog.remind.suggested')}</span>}
            </label>
          ))}
        </fieldset>
        <div className="oq-contact" data-testid="reminder-contact">
          <strong>{t('backlog.remind.contact')}: </strong>
          {contact ? `${contact.name} — ${contact.title} — ${channel === 'email' ? contact.email : contact.phone}` : t('backlog.remind.noContact')}
        </div>
        <label className="oq-label" htmlFor="oq-note">
          {t('backlog.remind.note')}
        </label>
        <textarea id="oq-note" className="oq-note" rows={3} maxLength={2000} value={note} placeholder={t('backlog.remind.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
        {error && (
          <p className="oq-error" role="alert">
            {error}
          </p>
        )}
        <div className="oq-actions">
          <button type="button" className="oq-btn" onClick={onClose}>
            {t('backlog.remind.cancel')}
          </button>
          <button type="submit" className="oq-btn oq-btn--primary" disabled={busy}>
            {busy ? t('backlog.remind.sending') : t('backlog.remind.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
