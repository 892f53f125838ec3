import { memo, useState } from 'react';
import type { Report } from '../../../../shared/contract/report';
import { isDueSoon, isOverdue } from '../../../../shared/domain/timeliness';
import type { I18n } from '../../../lib/i18n/i18n-context';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { FeedItem, FeedKind } from '../model/feed-store';
import type { FeedMeta } from '../model/feed-meta';

type Tone = 'new' | 'work' | 'done' | 'muted' | 'alert';

const KIND_TONE: Record<FeedKind, Tone> = {
  created: 'new',
  reopened: 'new',
  verified: 'work',
  assigned: 'work',
  transferred: 'work',
  started: 'work',
  extended: 'work',
  reminded: 'work',
  resolved: 'done',
  rated: 'done',
  rejected: 'muted',
  commented: 'muted',
  overdue: 'alert',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    // a derived flag is an extra: the item must render even if a rule cannot be evaluated
    return fallback;
  }
}

/** The report's state now: deadline states outrank workflow ones, as on the map. */
function stateChip(r: Report, now: number, t: I18n['t']): { tone: Tone; label: string } {
  if (r.status === 'resolved') return { tone: 'done', label: t('status.resolved') };
  if (r.status === 'rejected') return { tone: 'muted', label: t('status.rejected') };
  const at = new Date(now);
  if (safe(() => isOverdue(r, at), false)) return { tone: 'alert', label: t('feed.state.overdue') };
  if (safe(() => isDueSoon(r, at), false)) return { tone: 'work', label: t('feed.state.dueSoon') };
  return { tone: r.status === 'received' ? 'new' : 'work', label: t(`status.${r.status}`) };
}

/** One line saying what the event changed, where that is more than its type. */
function detailOf(item: FeedItem, meta: FeedMeta, { t, fmt }: Pick<I18n, 't' | 'fmt'>): string | null {
  const d = item.data;
  switch (item.kind) {
    case 'transferred':
      return t('feed.transfer', meta.agency(str(d.fromAgencyId)) ?? t('feed.unassigned'), meta.agency(str(d.agencyId)) ?? '—');
    case 'extended': {
      const due = str(d.dueAt);
      return due ? t('feed.extendedTo', fmt.dateTime(due)) : null;
    }
    case 'rated': {
      const r = str(d.rating);
      return r === 'satisfied' || r === 'acceptable' || r === 'unsatisfied' ? t(`feed.rating.${r}`) : null;
    }
    case 'reminded': {
      const c = str(d.channel);
      const g = str(d.target);
      if ((c === 'sms' || c === 'phone' || c === 'email') && (g === 'officer' || g === 'unit_leader' || g === 'province')) {
        return t('feed.reminder', t(`feed.channel.${c}`), t(`feed.target.${g}`));
      }
      return null;
    }
    case 'reopened':
      return d.secondReport === true ? t('feed.secondReport') : str(d.reason);
    case 'rejected':
      return str(d.reason);
    case 'commented': {
      const a = str(d.author);
      return a === 'citizen' || a === 'agency' || a === 'centre' ? t('feed.commentBy', t(`feed.author.${a}`)) : null;
    }
    case 'overdue':
      return t('feed.overdueAt', fmt.dateTime(item.at));
    default:
      return null;
  }
}

interface FeedItemProps {
  item: FeedItem;
  /** the report's newest public fields (undefined while unknown) */
  report: Report | undefined;
  /** for a group of overdue transitions: each report's fields, in the item's order */
  group: readonly (Report | undefined)[] | null;
  meta: FeedMeta;
  now: number;
  variant: 'desk' | 'wall';
  onSelect: (reportId: number) => void;
}

function FeedTime({ at, now }: { at: string; now: number }) {
  const { fmt } = useI18n();
  const old = now - Date.parse(at) > 20 * 3_600_000;
  return (
    <span className="feed-item__time">
      <time dateTime={at} title={fmt.dateTime(at)}>
        {old ? fmt.dateTime(at) : fmt.shortTime(at)}
      </time>
      <span className="feed-item__ago">{fmt.relative(at, now)}</span>
    </span>
  );
}

/** A crowd of reports that turned overdue at one instant: one line, expandable into the list. */
function OverdueGroup({ item, group, meta, now, variant, onSelect }: FeedItemProps) {
  const { t, fmt, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const listId = `feed-group-${item.key.replace(/[^a-zA-Z0-9-]/g, '')}`;
  const shown = variant === 'wall' ? item.reportIds.slice(0, 3) : item.reportIds;
  return (
    <div className="feed-item feed-item--alert feed-item--group" data-testid="feed-item" data-kind="overdue" data-report-ids={item.reportIds.join(',')}>
      <div className="feed-item__head">
        <FeedTime at={item.at} now={now} />
        <span className="feed-chip feed-chip--alert">{t('feed.type.overdue')}</span>
      </div>
      <p className="feed-item__title">{t('feed.overdueGroup', fmt.number(item.reportIds.length))}</p>
      <p className="feed-item__detail">{t('feed.overdueAt', fmt.dateTime(item.at))}</p>
      {variant === 'desk' ? (
        <>
          <button type="button" className="feed-item__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
            {open ? t('feed.hideGroup') : t('feed.showGroup')}
          </button>
          {open && (
            <ul id={listId} className="feed-item__group">
              {shown.map((id, i) => {
                const r = group?.[i];
                return (
                  <li key={id}>
                    <button type="button" className="feed-item__group-link" data-feed-focus onClick={() => onSelect(id)}>
                      {r ? `${r.title} · ${meta.category(r.categoryId, locale)}` : `#${id}`}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : (
        <p className="feed-item__meta">
          {shown.map((id, i) => group?.[i]?.title ?? `#${id}`).join(' · ')}
          {item.reportIds.length > shown.length && ` ${t('feed.overdueGroupMore', fmt.number(item.reportIds.length - shown.length))}`}
        </p>
      )}
    </div>
  );
}

function FeedItemView(props: FeedItemProps) {
  const { item, report, meta, now, onSelect } = props;
  const i18n = useI18n();
  const { t, locale } = i18n;
  if (item.kind === 'overdue' && item.reportIds.length > 1) return <OverdueGroup {...props} />;
  const tone = KIND_TONE[item.kind];
  const chip = report ? stateChip(report, now, t) : null;
  const detail = detailOf(item, meta, i18n);
  const place = report ? meta.place(report.wardCode, report.districtCode) : null;
  const unit = report ? (meta.agency(report.agencyId) ?? t('feed.unassigned')) : null;
  const title = report?.title ?? `#${item.reportId}`;
  return (
    <button
      type="button"
      className={`feed-item feed-item--${tone}`}
      data-testid="feed-item"
      data-kind={item.kind}
      data-seq={item.seq ?? undefined}
      data-report-id={item.reportId}
      data-feed-focus
      onClick={() => onSelect(item.reportId)}
    >
      <span className="feed-item__head">
        <FeedTime at={item.at} now={now} />
        <span className={`feed-chip feed-chip--${tone}`}>{t(`feed.type.${item.kind}`)}</span>
        {report?.urgent && <span className="feed-chip feed-chip--urgent">{t('feed.urgent')}</span>}
        {chip && <span className={`feed-state feed-state--${chip.tone}`}>{chip.label}</span>}
      </span>
      <span className="feed-item__title">{title}</span>
      {detail && <span className="feed-item__detail">{detail}</span>}
      {report && (
        <span className="feed-item__meta">
          <span>{meta.category(report.categoryId, locale)}</span>
          <span>{place ?? t('feed.noPlace')}</span>
          <span>{unit}</span>
        </span>
      )}
    </button>
  );
}

export const FeedItemRow = memo(FeedItemView);
