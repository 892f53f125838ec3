import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { describeError } from '../../../lib/api/describe-error';
import { useMeta } from '../../../lib/api/get-meta';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useNow } from '../../../lib/time/use-now';
import { useFeedState } from '../hooks/use-feed-store';
import { feedMeta } from '../model/feed-meta';
import { FeedItemRow } from './feed-item';
import './live-feed.css';

export { FEED_CAP } from '../model/feed-store';

/** Scrolled further than this from the top, the operator is reading: new items wait behind "N mới". */
const AWAY_PX = 24;
/** The wall shows what fits; rendering the whole history there would only cost frames. */
const WALL_ITEMS = 30;
/** A burst of events is announced once, after it settles. */
const ANNOUNCE_AFTER_MS = 2_000;

/**
 * The newest events (new report, assigned, transferred, extended, resolved, rated, reopened, reminded, overdue
 * reached…), newest first, from a backfill kept current by the live stream. While the operator has scrolled
 * away from the top, new items gather behind an "N mới" button instead of moving the list.
 */
export function LiveFeed({ onSelect, variant = 'desk' }: { onSelect: (reportId: number) => void; variant?: 'desk' | 'wall' }) {
  const { t, fmt } = useI18n();
  const state = useFeedState();
  const meta = useMeta();
  const names = useMemo(() => feedMeta(meta), [meta]);
  const now = useNow(15_000);
  const listRef = useRef<HTMLOListElement>(null);

  // the parent's callback may change every render; the rows are memoised on a stable one
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  });
  const select = useCallback((id: number) => selectRef.current(id), []);

  /** arrival watermark while scrolled away (null: at the top, everything shows) */
  const [frozenAt, setFrozenAt] = useState<number | null>(null);
  const frozen = variant === 'desk' ? frozenAt : null;
  const visible = useMemo(() => {
    const items = frozen === null ? state.items : state.items.filter((i) => i.arrival <= frozen);
    return variant === 'wall' ? items.slice(0, WALL_ITEMS) : items;
  }, [state.items, frozen, variant]);
  const waiting = frozen === null ? 0 : state.items.length - state.items.filter((i) => i.arrival <= frozen).length;

  const onScroll = () => {
    const top = listRef.current?.scrollTop ?? 0;
    if (top > AWAY_PX && frozenAt === null) setFrozenAt(state.lastArrival);
    else if (top <= AWAY_PX && frozenAt !== null) setFrozenAt(null);
  };

  const focusFirst = useRef(false);
  const showNew = () => {
    setFrozenAt(null);
    focusFirst.current = true;
    if (listRef.current) listRef.current.scrollTop = 0;
  };
  useEffect(() => {
    if (!focusFirst.current || frozenAt !== null) return;
    focusFirst.current = false;
    // keyboard users land on the newest item, where the new ones now are (after they rendered)
    listRef.current?.querySelector<HTMLElement>('[data-feed-focus]')?.focus({ preventScroll: true });
  }, [frozenAt]);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const targets = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-feed-focus]') ?? [])];
    if (targets.length === 0) return;
    const at = targets.indexOf(document.activeElement as HTMLElement);
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? targets.length - 1 : e.key === 'ArrowDown' ? Math.min(targets.length - 1, at + 1) : Math.max(0, at - 1);
    e.preventDefault();
    targets[next]?.focus();
  };

  const announcement = useAnnouncement(state.lastArrival, state.items, (n) => t('feed.announce', fmt.number(n)));

  return (
    <section className={`feed feed--${variant}`} aria-labelledby={`feed-title-${variant}`}>
      <header className="feed__header">
        <h2 id={`feed-title-${variant}`} className="feed__title">
          {t('feed.title')}
        </h2>
        {waiting > 0 && (
          <button type="button" className="feed__new" onClick={showNew} title={t('feed.newItemsHint')} data-testid="feed-new">
            <span aria-hidden="true">↑ </span>
            {t('feed.newItems', fmt.number(waiting))}
          </button>
        )}
      </header>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {state.error !== null && state.error !== undefined && (
        <p className="feed__error" role="status">
          {t('feed.loadError', describeError(state.error, t))}
        </p>
      )}
      {state.loading && state.items.length === 0 && <p className="feed__empty">{t('feed.loading')}</p>}
      {!state.loading && state.items.length === 0 && <p className="feed__empty">{t('feed.empty')}</p>}
      <ol ref={listRef} className="feed__list" aria-label={t('feed.label')} onScroll={variant === 'desk' ? onScroll : undefined} onKeyDown={onKeyDown}>
        {visible.map((item) => (
          <li key={item.key} className={item.arrival > 0 ? 'feed__row feed__row--arrived' : 'feed__row'}>
            <FeedItemRow
              item={item}
              report={state.reports.get(item.reportId)}
              group={item.reportIds.length > 1 ? item.reportIds.map((id) => state.reports.get(id)) : null}
              meta={names}
              now={now}
              variant={variant}
              onSelect={select}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The text of the polite live region: how many items arrived, said once a burst has settled rather than on
 * every batch (a screen reader user would otherwise hear nothing but the feed).
 */
function useAnnouncement(lastArrival: number, items: readonly { arrival: number }[], say: (n: number) => string): string {
  const [text, setText] = useState('');
  const counted = useRef(lastArrival);
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sayRef = useRef(say);
  useEffect(() => {
    sayRef.current = say;
  });
  useEffect(() => {
    if (lastArrival <= counted.current) return;
    pending.current += items.filter((i) => i.arrival > counted.current && i.arrival <= lastArrival).length;
    counted.current = lastArrival;
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const n = pending.current;
      pending.current = 0;
      if (n > 0) setText(sayRef.current(n));
    }, ANNOUNCE_AFTER_MS);
  }, [lastArrival, items]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return text;
}
