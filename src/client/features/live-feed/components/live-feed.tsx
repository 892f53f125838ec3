import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { describeError } from '../../../lib/api/describe-error';
import { useMeta } from '../../../lib/api/get-meta';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { LiveStore } from '../../../lib/live/live-store';
import { useNow } from '../../../lib/time/use-now';
import { useFeedState } from '../hooks/use-feed-store';
import { feedMeta } from '../model/feed-meta';
import { BACKFILL } from '../model/feed-store';
import type { FeedItem } from '../model/feed-store';
import type { Report } from '../../../../shared/contract/report';
import { FeedItemRow } from './feed-item';
import './live-feed.css';

export { FEED_CAP } from '../model/feed-store';

/** Scrolled further than this from the top, the operator is reading: new items wait behind "N mới". */
const AWAY_PX = 24;
/** The wall shows what fits; rendering the whole history there would only cost frames. */
const WALL_ITEMS = 30;
/**
 * The desk list renders this many rows, and this many more each time the reader scrolls near its end (or moves
 * past it with the keyboard) — the backfill's size: a panel shows about ten, and mounting, laying out and highlighting all 200 kept
 * items for every batch of a 50 events/s stream cost the map its frames (decision 0009).
 */
export const FEED_WINDOW = BACKFILL;
/**
 * Only arrivals among the top rows (what the panel shows) are highlighted: each highlight is a composited layer
 * while it fades, and under a stream the rows further down are both off screen and no longer new.
 */
const HIGHLIGHT_ROWS = 10;
/** Within this distance of the rendered end, the next window is added before the reader reaches it. */
const EXTEND_PX = 600;
/** A burst of events is announced once, after it settles. */
const ANNOUNCE_AFTER_MS = 2_000;

/**
 * The newest events (new report, assigned, transferred, extended, resolved, rated, reopened, reminded, overdue
 * reached…), newest first, from a backfill kept current by the live stream. While the operator has scrolled
 * away from the top, new items gather behind an "N mới" button instead of moving the list.
 */
export function LiveFeed({
  onSelect,
  variant = 'desk',
  live,
}: {
  onSelect: (reportId: number) => void;
  variant?: 'desk' | 'wall';
  /** the stream (tests play one); the app's live client by default */
  live?: LiveStore;
}) {
  const { t, fmt } = useI18n();
  const state = useFeedState(live);
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
  const shown = useMemo(() => (frozen === null ? state.items : state.items.filter((i) => i.arrival <= frozen)), [state.items, frozen]);
  const waiting = state.items.length - shown.length;
  /** how many rows the desk list renders (the wall shows what fits) */
  const [limit, setLimit] = useState(FEED_WINDOW);
  const visible = useMemo(() => shown.slice(0, variant === 'wall' ? WALL_ITEMS : limit), [shown, variant, limit]);
  const more = variant === 'desk' && shown.length > visible.length;
  const groups = useGroups(visible, state.reports);

  // at the top, the window shrinks again when new items arrive and push the old ones down, off screen (not when
  // the reader comes back to the top: the rows under the new ones stay as they were)
  const [windowArrival, setWindowArrival] = useState(state.lastArrival);
  if (windowArrival !== state.lastArrival) {
    setWindowArrival(state.lastArrival);
    if (frozen === null && limit > FEED_WINDOW) setLimit(FEED_WINDOW);
  }

  const extendIfNear = () => {
    const el = listRef.current;
    if (!el || !more) return;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - EXTEND_PX) setLimit((l) => l + FEED_WINDOW);
  };
  // a panel taller than the window (a portrait screen, a zoomed-out browser) must not end in empty space
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && more && el.clientHeight > 0 && el.scrollHeight <= el.clientHeight + EXTEND_PX) setLimit((l) => l + FEED_WINDOW);
  }, [more, visible.length]);

  const onScroll = () => {
    const top = listRef.current?.scrollTop ?? 0;
    if (top > AWAY_PX && frozenAt === null) setFrozenAt(state.lastArrival);
    else if (top <= AWAY_PX && frozenAt !== null) unfreeze();
    extendIfNear();
  };

  /** back to the top: the waiting items come in above the rows the reader had, which all stay rendered */
  const unfreeze = () => {
    setFrozenAt(null);
    setLimit((l) => Math.max(l, visible.length) + waiting);
  };

  const focusFirst = useRef(false);
  const showNew = () => {
    unfreeze();
    focusFirst.current = true;
    if (listRef.current) listRef.current.scrollTop = 0;
  };
  useEffect(() => {
    if (!focusFirst.current || frozenAt !== null) return;
    focusFirst.current = false;
    // keyboard users land on the newest item, where the new ones now are (after they rendered)
    listRef.current?.querySelector<HTMLElement>('[data-feed-focus]')?.focus({ preventScroll: true });
  }, [frozenAt]);

  /** which row takes the focus once the rows it needs have rendered */
  const focusAfter = useRef<'last' | number | null>(null);
  useEffect(() => {
    const want = focusAfter.current;
    if (want === null) return;
    focusAfter.current = null;
    const targets = listRef.current?.querySelectorAll<HTMLElement>('[data-feed-focus]');
    const target = want === 'last' ? targets?.[targets.length - 1] : targets?.[want];
    target?.focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const targets = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-feed-focus]') ?? [])];
    if (targets.length === 0) return;
    const at = targets.indexOf(document.activeElement as HTMLElement);
    e.preventDefault();
    // the keyboard reaches every kept item: past the rendered rows, the window grows and the focus follows
    if (more && (e.key === 'End' || (e.key === 'ArrowDown' && at === targets.length - 1))) {
      focusAfter.current = e.key === 'End' ? 'last' : at + 1;
      setLimit(e.key === 'End' ? shown.length : limit + FEED_WINDOW);
      return;
    }
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? targets.length - 1 : e.key === 'ArrowDown' ? Math.min(targets.length - 1, at + 1) : Math.max(0, at - 1);
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
        {visible.map((item, i) => (
          <li key={item.key} className={item.arrival > 0 && i < HIGHLIGHT_ROWS ? 'feed__row feed__row--arrived' : 'feed__row'}>
            <FeedItemRow
              item={item}
              report={state.reports.get(item.reportId)}
              group={groups.get(item.key) ?? null}
              meta={names}
              now={now}
              variant={variant}
              onSelect={select}
            />
          </li>
        ))}
        {more && (
          <li className="feed__row feed__row--more">
            <button type="button" className="feed__more" data-testid="feed-more" onClick={() => setLimit((l) => l + FEED_WINDOW)}>
              {t('feed.showMore', fmt.number(Math.min(FEED_WINDOW, shown.length - visible.length)))}
            </button>
          </li>
        )}
      </ol>
    </section>
  );
}

/**
 * Each overdue group's reports, as the same array for as long as none of them changed, so the memoised row of a
 * group is not re-rendered by every batch of the stream.
 */
function useGroups(items: readonly FeedItem[], reports: ReadonlyMap<number, Report>): ReadonlyMap<string, readonly (Report | undefined)[]> {
  return useMemo(() => {
    const next = new Map<string, readonly (Report | undefined)[]>();
    for (const item of items) {
      if (item.reportIds.length < 2) continue;
      const fresh = item.reportIds.map((id) => reports.get(id));
      const prev = groupCache.get(item);
      const same = prev !== undefined && prev.length === fresh.length && prev.every((r, i) => r === fresh[i]);
      if (!same) groupCache.set(item, fresh);
      next.set(item.key, same ? prev : fresh);
    }
    return next;
  }, [items, reports]);
}
/** the last reports array handed to each group's row (items are kept as the same objects while they are shown) */
const groupCache = new WeakMap<FeedItem, readonly (Report | undefined)[]>();

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
