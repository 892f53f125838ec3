import { useMemo, useState } from 'react';
import type { LiveEvent } from '../../../../shared/contract/event';
import { useMeta } from '../../../lib/api/get-meta';
import { indexMeta } from '../../../lib/api/meta-index';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useLiveSignal } from '../../../lib/live/use-live';
import { useNow } from '../../../lib/time/use-now';

/** Days of uptime must not grow memory: the feed keeps at most this many items. */
export const FEED_CAP = 200;

/**
 * The newest events, newest first. (First cut: events from the live stream only; the backfill, the "N new"
 * button and the overdue timer follow.)
 */
export function LiveFeed({ onSelect, variant = 'desk' }: { onSelect: (reportId: number) => void; variant?: 'desk' | 'wall' }) {
  const { t, fmt, locale } = useI18n();
  const [items, setItems] = useState<LiveEvent[]>([]);
  const meta = useMeta();
  const index = useMemo(() => indexMeta(meta), [meta]);
  const now = useNow(15_000);
  useLiveSignal((signal) => {
    if (signal.type !== 'events') return;
    setItems((prev) => [...[...signal.events].reverse(), ...prev].slice(0, FEED_CAP));
  });
  return (
    <section className={`feed feed--${variant}`} aria-label={t('feed.title')}>
      <h2 className="feed__title">{t('feed.title')}</h2>
      {items.length === 0 && <p className="feed__empty">{t('feed.empty')}</p>}
      <ol className="feed__list">
        {items.map((ev) => (
          <li key={ev.seq}>
            <button type="button" className="feed__item" onClick={() => onSelect(ev.reportId)}>
              <time dateTime={ev.at}>{fmt.relative(ev.at, now)}</time> <strong>{t(`feed.type.${ev.type}`)}</strong>{' '}
              {index.categoryName(ev.report.categoryId, locale)} · {ev.report.title}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
