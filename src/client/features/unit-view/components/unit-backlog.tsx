import { useState } from 'react';
import type { Report } from '../../../../shared/contract/report';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { getReportDetail, useUnitReports } from '../api/get-unit-reports';
import { useQuery } from '../hooks/use-query';
import { workingDaysBetween } from '../../../../shared/domain/calendar';
import { useNow } from '../../../lib/time/use-now';

const SHOWN = 100;
const byDue = (a: Report, b: Report) => Date.parse(a.dueAt ?? '9999-12-31T00:00:00Z') - Date.parse(b.dueAt ?? '9999-12-31T00:00:00Z') || a.id - b.id;

/** The unit's open reports, overdue first, with how often the centre has chased each and the history on demand. */
export function UnitBacklog({ agencyId, onOpenReport }: { agencyId: string; onOpenReport?: (id: number) => void }) {
  const { t, fmt } = useI18n();
  const overdue = useUnitReports('overdue', { agencyId, overdue: 'true' });
  const onTrack = useUnitReports('open', { agencyId, status: 'assigned,in_progress,reopened', overdue: 'false' });
  const [open, setOpen] = useState<number | null>(null);
  const late = [...(overdue.data?.items ?? [])].sort(byDue);
  const fine = [...(onTrack.data?.items ?? [])].sort(byDue);
  const rows = [...late.map((r) => ({ r, late: true })), ...fine.map((r) => ({ r, late: false }))];
  const total = (overdue.data?.total ?? 0) + (onTrack.data?.total ?? 0);
  const reminded = rows.filter((x) => x.r.reminderCount > 0).length;
  const ready = overdue.data !== null && onTrack.data !== null;
  const error = overdue.error ?? onTrack.error;

  return (
    <div className="unit-backlog">
      <dl className="unit-figures">
        <div>
          <dt>{t('units.backlog.open')}</dt>
          <dd data-testid="unit-backlog-open">{ready ? fmt.number(total) : '—'}</dd>
        </div>
        <div className={(overdue.data?.total ?? 0) > 0 ? 'is-alert' : undefined}>
          <dt>{t('units.backlog.overdue')}</dt>
          <dd data-testid="unit-backlog-overdue">{overdue.data ? fmt.number(overdue.data.total) : '—'}</dd>
        </div>
        <div>
          <dt>{t('units.backlog.notOverdue')}</dt>
          <dd>{onTrack.data ? fmt.number(onTrack.data.total) : '—'}</dd>
        </div>
        <div>
          <dt>{t('units.backlog.reminded')}</dt>
          <dd>{ready ? fmt.number(reminded) : '—'}</dd>
        </div>
      </dl>
      <h4 className="unit-subhead">{t('units.backlog.worklist')}</h4>
      {ready && rows.length === 0 && <p className="unit-empty">{t('units.backlog.empty')}</p>}
      {rows.length > 0 && (
        <div className="unit-scroll">
          <table className="unit-table unit-table--work" data-testid="unit-worklist">
            <thead>
              <tr>
                <th scope="col">{t('units.backlog.col.report')}</th>
                <th scope="col">{t('units.backlog.col.received')}</th>
                <th scope="col">{t('units.backlog.col.state')}</th>
                <th scope="col">{t('units.backlog.col.reminders')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map(({ r, late: isLate }) => (
                <WorkRow key={r.id} r={r} late={isLate} expanded={open === r.id} onToggle={() => setOpen(open === r.id ? null : r.id)} onOpenReport={onOpenReport} />
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN && <p className="unit-note">{t('units.backlog.more', fmt.number(rows.length - SHOWN))}</p>}
        </div>
      )}
      {error !== null && error !== undefined && (
        <p className="unit-error" role="status">
          {t('units.loadError', describeError(error, t))}
        </p>
      )}
    </div>
  );
}

function WorkRow({ r, late, expanded, onToggle, onOpenReport }: { r: Report; late: boolean; expanded: boolean; onToggle: () => void; onOpenReport?: (id: number) => void }) {
  const { t, fmt } = useI18n();
  const now = useNow(60_000);
  return (
    <>
      <tr data-report={r.id} className={late ? 'is-late' : undefined}>
        <th scope="row">
          {onOpenReport ? (
            <button type="button" className="unit-link" onClick={() => onOpenReport(r.id)}>
              {r.title}
            </button>
          ) : (
            r.title
          )}
          <span className="unit-sub">{r.address}</span>
        </th>
        <td>{fmt.date(r.receivedAt)}</td>
        <td className={late ? 'unit-late' : undefined}>
          {r.dueAt ? t('units.backlog.dueOn', fmt.date(r.dueAt)) : '—'}
          {late && r.dueAt && <span className="unit-late-by">{t('units.backlog.overdueBy', fmt.number(workingDaysBetween(new Date(r.dueAt), new Date(now))))}</span>}
          {r.extensions.length > 0 && <span className="unit-sub">{t('units.backlog.extended')}</span>}
        </td>
        <td>
          {r.reminderCount === 0 ? (
            <span className="unit-sub">{t('units.backlog.noReminders')}</span>
          ) : (
            <>
              {t('units.backlog.reminders', fmt.number(r.reminderCount))}
              {r.lastRemindedAt && <span className="unit-sub">{t('units.backlog.lastReminded', fmt.dateTime(r.lastRemindedAt))}</span>}
            </>
          )}
          <button type="button" className="unit-link unit-link--small" aria-expanded={expanded} onClick={onToggle}>
            {expanded ? t('units.backlog.hideHistory') : t('units.backlog.showHistory')}
          </button>
        </td>
      </tr>
      {expanded && (
        <tr className="unit-history-row">
          <td colSpan={4}>
            <ReminderHistory id={r.id} />
          </td>
        </tr>
      )}
    </>
  );
}

const CHANNELS = new Set(['sms', 'phone', 'email']);
const TARGETS = new Set(['officer', 'unit_leader', 'province']);

/** The `reminded` events of a report's public timeline: when, how and to whom the centre chased it. */
function ReminderHistory({ id }: { id: number }) {
  const { t, fmt } = useI18n();
  const detail = useQuery(`report:${id}`, (signal) => getReportDetail(id, signal));
  if (detail.error) return <p className="unit-error">{t('units.loadError', describeError(detail.error, t))}</p>;
  if (!detail.data) return <p className="unit-note">{t('units.loading')}</p>;
  const reminders = detail.data.events.filter((e) => e.type === 'reminded');
  if (reminders.length === 0) return <p className="unit-note">{t('units.backlog.historyEmpty')}</p>;
  return (
    <ol className="unit-history" data-testid={`unit-reminders-${id}`}>
      {reminders.map((e) => {
        const channel = String(e.data.channel);
        const target = String(e.data.target);
        const note = typeof e.data.note === 'string' && e.data.note ? ` — ${e.data.note}` : '';
        return (
          <li key={e.seq}>
            {t(
              'units.reminder.line',
              fmt.dateTime(e.at),
              CHANNELS.has(channel) ? t(`units.reminder.${channel as 'sms' | 'phone' | 'email'}`) : channel,
              TARGETS.has(target) ? t(`units.reminder.${target as 'officer' | 'unit_leader' | 'province'}`) : target,
            )}
            {note}
          </li>
        );
      })}
    </ol>
  );
}
