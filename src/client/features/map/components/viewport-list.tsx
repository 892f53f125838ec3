import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { reportListResponse } from '../../../../shared/contract/api';
import { fetchJson } from '../../../lib/api/http';
import { useMeta } from '../../../lib/api/get-meta';
import { indexMeta } from '../../../lib/api/meta-index';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useNow } from '../../../lib/time/use-now';
import { useMapController } from '../hooks/map-data-context';
import { MAP_STATES } from '../model/map-state';
import type { ListItem } from '../worker/cluster-engine';
import { StateSymbol } from './state-symbol';

export const LIST_PAGE = 50;
/** The list follows the map, but not faster than this while events stream in. */
const REFRESH_MS = 2000;

interface Row extends ListItem {
  title: string | null;
  address: string | null;
}

/**
 * The accessible alternative to the map: the reports of the current view and filters as a keyboard-operable
 * list (↑/↓/Home/End move, Enter opens, PageUp/PageDown change page), newest first, in pages. Counts come from
 * the same worker as the clusters, so the two always agree; titles of the shown page come from the list API.
 */
export function ViewportList({ onSelect }: { onSelect: (reportId: number) => void }) {
  const { t, fmt, locale } = useI18n();
  const controller = useMapController();
  const meta = useMeta();
  const names = useMemo(() => indexMeta(meta), [meta]);
  const now = useNow(30_000);
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ total: number; rows: Row[] } | null>(null);
  const [focus, setFocus] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const pageRef = useRef(0);
  useEffect(() => {
    pageRef.current = page;
  });

  const load = useCallback(
    async (p: number) => {
      const v = controller?.getViewport();
      if (!controller || !v) return;
      const res = await controller.client.list(v.bbox, p * LIST_PAGE, LIST_PAGE);
      const rows: Row[] = res.items.map((i) => ({ ...i, title: null, address: null }));
      setData({ total: res.total, rows });
      if (rows.length === 0) return;
      try {
        const texts = await fetchJson('/api/v1/reports', reportListResponse, { query: { ids: rows.map((r) => r.id).join(','), limit: LIST_PAGE } });
        const byId = new Map(texts.items.map((r) => [r.id, r]));
        setData((cur) =>
          cur && cur.rows[0]?.id === rows[0]?.id
            ? { ...cur, rows: cur.rows.map((r) => ({ ...r, title: byId.get(r.id)?.title ?? null, address: byId.get(r.id)?.address ?? null })) }
            : cur,
        );
      } catch {
        // titles are a nicety: the rows still name state, category, place and time
      }
    },
    [controller],
  );

  useEffect(() => {
    if (!controller) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const soon = () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        void load(pageRef.current);
      }, Math.max(0, last + REFRESH_MS - Date.now()));
    };
    const offView = controller.subscribeViewport(() => {
      // a new view starts at its first page, at once
      setPage(0);
      pageRef.current = 0;
      last = Date.now();
      void load(0);
    });
    const offBuilt = controller.client.onBuilt(soon);
    const first = setTimeout(() => {
      if (controller.getViewport()) void load(0);
    }, 0);
    return () => {
      clearTimeout(first);
      offView();
      offBuilt();
      if (timer !== null) clearTimeout(timer);
    };
  }, [controller, load]);

  const rows = data?.rows ?? [];
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE));
  const go = (p: number) => {
    const next = Math.min(pages - 1, Math.max(0, p));
    setPage(next);
    setFocus(0);
    void load(next);
  };
  const focusRow = (i: number) => {
    const n = Math.min(rows.length - 1, Math.max(0, i));
    setFocus(n);
    listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[n]?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(focus + 1),
      ArrowUp: () => focusRow(focus - 1),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      PageDown: () => go(page + 1),
      PageUp: () => go(page - 1),
      Enter: () => {
        const r = rows[focus];
        if (r) onSelect(r.id);
      },
      ' ': () => {
        const r = rows[focus];
        if (r) onSelect(r.id);
      },
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  return (
    <section className="map-list" aria-labelledby="map-list-title">
      <h3 id="map-list-title" className="map-list__title">
        {t('map.list.title')}
      </h3>
      <p className="map-list__count" data-testid="map-list-total" aria-live="polite">
        {data ? t('map.list.count', fmt.number(total)) : t('map.loading')}
      </p>
      <p className="map-list__hint">{t('map.list.hint')}</p>
      {data && total === 0 && <p className="map-list__empty">{t('map.list.empty')}</p>}
      <ul ref={listRef} className="map-list__items" role="listbox" aria-labelledby="map-list-title" onKeyDown={onKeyDown}>
        {rows.map((r, i) => {
          const state = MAP_STATES[r.state] ?? 'handling';
          return (
            <li
              key={r.id}
              role="option"
              aria-selected={i === focus}
              tabIndex={i === focus ? 0 : -1}
              className="map-list__item"
              data-report-id={r.id}
              onClick={() => {
                setFocus(i);
                onSelect(r.id);
              }}
              onFocus={() => setFocus(i)}
            >
              <span className="map-list__state">
                <StateSymbol state={state} size={16} />
                {t(`map.state.${state}`)}
              </span>
              <span className="map-list__main">{r.title ?? names.categoryName(r.categoryId, locale)}</span>
              <span className="map-list__meta">
                {r.title !== null && `${names.categoryName(r.categoryId, locale)} · `}
                {r.address ?? names.districtName(r.districtCode) ?? ''}
                {' · '}
                <time dateTime={new Date(r.receivedAt).toISOString()}>{fmt.relative(r.receivedAt, now)}</time>
                {' · '}
                {names.agencyName(r.agencyId) ?? t('map.list.unassigned')}
              </span>
            </li>
          );
        })}
      </ul>
      {pages > 1 && (
        <div className="map-list__pager">
          <button type="button" onClick={() => go(page - 1)} disabled={page === 0}>
            {t('map.list.prev')}
          </button>
          <span>{t('map.list.range', fmt.number(page * LIST_PAGE + 1), fmt.number(Math.min(total, (page + 1) * LIST_PAGE)), fmt.number(total))}</span>
          <button type="button" onClick={() => go(page + 1)} disabled={page >= pages - 1}>
            {t('map.list.next')}
          </button>
        </div>
      )}
    </section>
  );
}
