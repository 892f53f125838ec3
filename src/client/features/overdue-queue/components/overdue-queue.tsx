import { useMemo, useState } from 'react';
import type { OverdueQueueItem, OverdueQueueQuery, ReminderResponse } from '../../../../shared/contract/backlog';
import { describeError } from '../../../lib/api/describe-error';
import { useMeta } from '../../../lib/api/get-meta';
import { indexMeta } from '../../../lib/api/meta-index';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useNow } from '../../../lib/time/use-now';
import { retryNotification, useOverdueQueue } from '../api/queue-api';
import { useCan } from '../../../lib/session/use-session';
import { ReminderDialog } from './reminder-dialog';
import './overdue-queue.css';

const PAGE = 50;

type State = OverdueQueueQuery['state'];
type Sort = OverdueQueueQuery['sort'];

/**
 * The operators' worklist: overdue and due-soon reports, most overdue first (or grouped by unit), with where each
 * stands on the escalation ladder, its reminders and the last notification (a failed send shows its error and a
 * Retry). "Nhắc việc" records a reminder. Render it for roles with `queue.read`; the reminder and retry controls
 * appear only with `reminders.write` (centre operators) — the server refuses everyone else either way.
 */
export function OverdueQueue({ onOpenReport }: { onOpenReport: (id: number) => void }) {
  const { t, fmt } = useI18n();
  const meta = useMeta();
  const names = useMemo(() => indexMeta(meta), [meta]);
  const now = useNow(30_000);
  const [state, setState] = useState<State>('all');
  const [sort, setSort] = useState<Sort>('by_due');
  const [agencyId, setAgencyId] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const query = useMemo(() => ({ state, sort, limit, ...(agencyId ? { agencyId } : {}) }), [state, sort, limit, agencyId]);
  const { data, error, refresh } = useOverdueQueue(query);
  const [reminding, setReminding] = useState<OverdueQueueItem | null>(null);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);
  const canRemind = useCan('reminders.write');

  const recorded = (res: ReminderResponse) => {
    setReminding(null);
    setStatus(
      res.notification.status === 'failed'
        ? { text: t('backlog.remind.doneFailed', res.notification.lastError ?? '?'), tone: 'error' }
        : { text: t('backlog.remind.done'), tone: 'ok' },
    );
    refresh();
  };

  const retry = async (id: number) => {
    setRetrying(id);
    try {
      const n = await retryNotification(id);
      setStatus(n.status === 'sent' ? { text: t('backlog.queue.notify.sent'), tone: 'ok' } : { text: t('backlog.queue.retryFailed', n.lastError ?? '?'), tone: 'error' });
    } catch (err) {
      setStatus({ text: t('backlog.queue.retryFailed', describeError(err, t)), tone: 'error' });
    } finally {
      setRetrying(null);
      refresh();
    }
  };

  const unitName = (id: string | null) => names.agencyName(id) ?? t('backlog.queue.noUnit');
  // grouped by unit: a heading row where the unit changes
  const rows = (data?.items ?? []).map((item, i, all) => ({ item, header: sort === 'by_unit' && (i === 0 || all[i - 1]?.report.agencyId !== item.report.agencyId) }));

  return (
    <section className="bl-card oq" aria-labelledby="oq-title" data-testid="overdue-queue">
      <header className="bl-card__head">
        <div>
          <h3 id="oq-title" className="bl-card__title">
            {t('backlog.queue.title')}
          </h3>
          <p className="bl-note">{t('backlog.queue.subtitle')}</p>
          {data && (
            <p className="oq-summary">
              <strong>{t('backlog.queue.counts', fmt.number(data.overdue), fmt.number(data.dueSoon))}</strong>
              {data.failedNotifications > 0 && <span className="oq-badge oq-badge--error">{t('backlog.queue.failed', fmt.number(data.failedNotifications))}</span>}
              <span className="oq-muted">{t('backlog.queue.ladder', ...(data.thresholds.map((n) => fmt.number(n)) as [string, string, string]))}</span>
            </p>
          )}
        </div>
        <div className="oq-controls">
          <label>
            <span>{t('backlog.queue.state')}</span>
            <select value={state} onChange={(e) => setState(e.target.value as State)}>
              {(['all', 'overdue', 'due_soon'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`backlog.queue.state.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('backlog.queue.sort')}</span>
            <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
              {(['by_due', 'by_unit'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`backlog.queue.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('backlog.queue.unit')}</span>
            <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              <option value="">{t('backlog.queue.allUnits')}</option>
              {meta?.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.shortName}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {status && (
        <p className={`oq-status oq-status--${status.tone}`} role="status" data-testid="queue-status">
          {status.text}
        </p>
      )}
      {error !== null && error !== undefined && (
        <p className="bl-error" role="status">
          {t('backlog.queue.loadError', describeError(error, t))}
        </p>
      )}
      {data && data.items.length === 0 && <p className="bl-empty">{t('backlog.queue.empty')}</p>}
      {data && data.items.length > 0 && (
        <div className="oq-scroll">
          <table className="bl-table oq-table">
            <thead>
              <tr>
                <th scope="col">{t('backlog.queue.col.report')}</th>
                <th scope="col">{t('backlog.queue.col.unit')}</th>
                <th scope="col">{t('backlog.queue.col.due')}</th>
                <th scope="col">{t('backlog.queue.col.step')}</th>
                <th scope="col">{t('backlog.queue.col.reminders')}</th>
                <th scope="col">{t('backlog.queue.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ item, header }) => {
                const r = item.report;
                const n = item.notification;
                const esc = item.escalation;
                return [
                  header && (
                    <tr key={`unit-${r.agencyId ?? 'none'}`} className="oq-group">
                      <th colSpan={6} scope="rowgroup">
                        {unitName(r.agencyId)}
                      </th>
                    </tr>
                  ),
                  <tr key={r.id} data-report={r.id} className={item.state === 'overdue' ? 'oq-row oq-row--overdue' : 'oq-row'}>
                    <td>
                      <button type="button" className="bl-link" onClick={() => onOpenReport(r.id)}>
                        {r.title}
                      </button>
                      <div className="oq-muted bl-mono">{r.externalId}</div>
                    </td>
                    <td>{unitName(r.agencyId)}</td>
                    <td className="bl-nowrap">
                      {item.state === 'overdue' ? (
                        <span className="oq-badge oq-badge--overdue">{t('backlog.queue.overdueDays', fmt.number(item.overdueWorkingDays))}</span>
                      ) : (
                        <span className="oq-badge oq-badge--soon">{t('backlog.queue.dueSoon')}</span>
                      )}
                      <div className="oq-muted">{r.dueAt ? `${fmt.dateTime(r.dueAt)} · ${fmt.relative(r.dueAt, now)}` : ''}</div>
                    </td>
                    <td>
                      {esc.due && esc.step && <span className="oq-badge oq-badge--due">{t('backlog.queue.stepDue', t(`backlog.step.${esc.step}`))}</span>}
                      {!esc.due && esc.remindedStep && <span className="oq-badge">{t('backlog.queue.stepDone', t(`backlog.step.${esc.remindedStep}`))}</span>}
                      {esc.overdueAfterReminder && <div className="oq-badge oq-badge--error">{t('backlog.queue.stillOverdue')}</div>}
                    </td>
                    <td data-testid="reminder-count" title={item.reminders.map((x) => `${fmt.dateTime(x.at)} · ${t(`backlog.channel.${x.channel}`)} → ${t(`backlog.step.${x.target}`)}`).join('\n')}>
                      {r.reminderCount === 0 ? (
                        <span className="oq-muted">{t('backlog.queue.noReminders')}</span>
                      ) : (
                        <>
                          <strong data-count={r.reminderCount}>{t('backlog.queue.reminderCount', fmt.number(r.reminderCount))}</strong>
                          {r.lastRemindedAt && <div className="oq-muted">{t('backlog.queue.lastReminder', fmt.relative(r.lastRemindedAt, now))}</div>}
                        </>
                      )}
                      {n?.status === 'failed' && (
                        <div className="oq-notify oq-notify--failed" data-testid="notification-failed">
                          {t('backlog.queue.notify.failed', n.lastError ?? '?')}{' '}
                          {canRemind && (
                            <button type="button" className="oq-btn oq-btn--small" disabled={retrying === n.id} onClick={() => void retry(n.id)}>
                              {t('backlog.queue.retry')}
                            </button>
                          )}
                        </div>
                      )}
                      {n?.status === 'pending' && <div className="oq-muted">{t('backlog.queue.notify.pending')}</div>}
                    </td>
                    <td>
                      {canRemind ? (
                        <button type="button" className="oq-btn oq-btn--primary" disabled={r.agencyId === null} title={r.agencyId === null ? t('backlog.queue.noUnit') : undefined} onClick={() => setReminding(item)}>
                          {t('backlog.queue.remind')}
                        </button>
                      ) : (
                        <span className="oq-muted">—</span>
                      )}
                    </td>
                  </tr>,
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <footer className="oq-footer">
          <span className="oq-muted">{t('backlog.queue.shown', fmt.number(data.items.length), fmt.number(data.total))}</span>
          {data.items.length < data.total && limit < 500 && (
            <button type="button" className="oq-btn" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
              {t('backlog.queue.more')}
            </button>
          )}
        </footer>
      )}
      {reminding && <ReminderDialog item={reminding} unitName={unitName(reminding.report.agencyId)} onClose={() => setReminding(null)} onRecorded={recorded} />}
    </section>
  );
}
