import type { StoredEvent } from '../../../../shared/contract/event';
import type { Channel } from '../../../../shared/contract/common';
import { channels, ratings } from '../../../../shared/contract/common';
import type { I18n } from '../../../lib/i18n/i18n-context';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { DetailMeta } from '../model/detail-meta';
import { timelineOf } from '../model/timeline';
import type { TimelineEntry } from '../model/timeline';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null);

/** What happened, in words: the event's type plus what it changed (units, dates, channel, text). */
function describe(entry: TimelineEntry, meta: DetailMeta, { t, fmt, locale }: Pick<I18n, 't' | 'fmt' | 'locale'>): { title: string; lines: string[] } {
  const { event, dueBefore, dueAfter } = entry;
  const d = event.data;
  const lines: string[] = [];
  const reason = str(d.reason);
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : '—');
  switch (event.type) {
    case 'created': {
      const ch = oneOf<Channel>(channels, d.channel);
      if (dueAfter) lines.push(t('detail.ev.newDue', when(dueAfter)));
      return { title: t('detail.ev.created', ch ? t(`detail.channel.${ch}`) : '—'), lines };
    }
    case 'verified': {
      const cat = str(d.categoryId);
      if (cat) lines.push(t('detail.ev.verifiedCategory', meta.category(cat, locale)));
      if (d.urgent === true) lines.push(t('detail.ev.verifiedUrgent'));
      if (d.urgent === false) lines.push(t('detail.ev.verifiedRoutine'));
      if (str(d.dueAt)) lines.push(t('detail.ev.newDue', when(str(d.dueAt))));
      return { title: t('detail.ev.verified'), lines };
    }
    case 'rejected':
      if (reason) lines.push(t('detail.reason', reason));
      return { title: t('detail.ev.rejected'), lines };
    case 'assigned': {
      const co = Array.isArray(d.coordinatingAgencyIds) ? d.coordinatingAgencyIds.filter((x): x is string => typeof x === 'string') : [];
      if (co.length > 0) lines.push(t('detail.ev.coordinating', co.map((id) => meta.agency(id) ?? id).join(', ')));
      return { title: t('detail.ev.assigned', meta.agency(str(d.agencyId)) ?? '—'), lines };
    }
    case 'transferred':
      if (reason) lines.push(t('detail.reason', reason));
      return { title: t('detail.ev.transferred', meta.agency(str(d.fromAgencyId)) ?? t('detail.unassigned'), meta.agency(str(d.agencyId)) ?? '—'), lines };
    case 'started':
      return { title: t('detail.ev.started'), lines };
    case 'extended':
      if (reason) lines.push(t('detail.reason', reason));
      return { title: t('detail.ev.extended', when(dueBefore), when(str(d.dueAt))), lines };
    case 'commented': {
      const author = oneOf(['citizen', 'agency', 'centre'] as const, d.author);
      const text = str(d.text);
      if (text) lines.push(text);
      return { title: t('detail.ev.commented', author ? t(`feed.author.${author}`) : '—'), lines };
    }
    case 'resolved': {
      const text = str(d.resultText);
      if (text) lines.push(text);
      const media = Array.isArray(d.media) ? d.media.length : 0;
      if (media > 0) lines.push(t('detail.ev.resultMedia', fmt.number(media)));
      return { title: t('detail.ev.resolved'), lines };
    }
    case 'rated': {
      const r = oneOf(ratings, d.rating);
      return { title: t('detail.ev.rated', r ? t(`feed.rating.${r}`) : '—'), lines };
    }
    case 'reopened':
      if (d.secondReport === true) lines.push(t('detail.ev.secondReport'));
      if (reason) lines.push(t('detail.reason', reason));
      if (str(d.dueAt)) lines.push(t('detail.ev.newDue', when(str(d.dueAt))));
      return { title: t('detail.ev.reopened'), lines };
    case 'reminded': {
      const c = oneOf(['sms', 'phone', 'email'] as const, d.channel);
      const g = oneOf(['officer', 'unit_leader', 'province'] as const, d.target);
      const note = str(d.note);
      if (note) lines.push(note);
      return { title: t('detail.ev.reminded', c ? t(`feed.channel.${c}`) : '—', g ? t(`feed.target.${g}`) : '—'), lines };
    }
  }
}

/** The whole log of the report, oldest first, each with who and when. */
export function DetailTimeline({ events, meta, highlightAfter }: { events: readonly StoredEvent[]; meta: DetailMeta; highlightAfter: number | null }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  return (
    <ol className="detail-timeline">
      {timelineOf(events).map((entry) => {
        const { event } = entry;
        const { title, lines } = describe(entry, meta, i18n);
        const fresh = highlightAfter !== null && event.seq > highlightAfter;
        return (
          <li key={event.seq} className={`detail-timeline__item detail-timeline__item--${event.type}${fresh ? ' detail-timeline__item--fresh' : ''}`} data-type={event.type}>
            <div className="detail-timeline__when">
              <time dateTime={event.at}>{fmt.dateTime(event.at)}</time>
              {event.actor && <span className="detail-timeline__who">{t('detail.by', event.actor)}</span>}
            </div>
            <p className="detail-timeline__title">{title}</p>
            {lines.map((line, i) => (
              <p key={i} className="detail-timeline__line">
                {line}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
