import { useEffect, useRef, useState } from 'react';
import type { Report } from '../../../../shared/contract/report';
import { describeError } from '../../../lib/api/describe-error';
import type { MetaIndex } from '../../../lib/api/meta-index';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { listReports } from '../api/list-reports';
import type { Drill } from '../model/drill';

interface Props {
  drill: Drill | null;
  names: MetaIndex;
  onClose: () => void;
  /** opens a report's detail (the route composes the detail drawer) */
  onOpenReport?: (id: number) => void;
}

interface ListState {
  items: Report[];
  total: number | null;
  cursor: string | null;
  loading: boolean;
  error: unknown;
}

const EMPTY: ListState = { items: [], total: null, cursor: null, loading: true, error: null };

/** The reports behind a figure, from the list endpoint with the figure's filter, 50 at a time. */
export function DrillDownPanel({ drill, names, onClose, onOpenReport }: Props) {
  const { t, fmt, locale } = useI18n();
  const [state, setState] = useState<ListState>(EMPTY);
  const closeRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const key = drill ? JSON.stringify(drill.filter) : null;

  const [shownKey, setShownKey] = useState(key);
  if (key !== shownKey) {
    setShownKey(key);
    setState(EMPTY);
  }

  useEffect(() => {
    if (!drill) return;
    const ac = new AbortController();
    listReports(drill.filter, null, ac.signal).then(
      (page) => setState({ items: page.items, total: page.total, cursor: page.nextCursor, loading: false, error: null }),
      (error: unknown) => {
        if (!ac.signal.aborted) setState({ ...EMPTY, loading: false, error });
      },
    );
    closeRef.current?.focus();
    return () => ac.abort();
    // the filter's JSON is the identity of the list
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (!drill) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // a report opened from the list sits on top in its own dialog: Escape closes that one first
      const above = [...document.querySelectorAll('[aria-modal="true"]')].some((d) => d !== panelRef.current);
      if (!above) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drill, onClose]);

  if (!drill) return null;

  const more = () => {
    if (!state.cursor) return;
    setState((s) => ({ ...s, loading: true }));
    listReports(drill.filter, state.cursor).then(
      (page) => setState((s) => ({ items: [...s.items, ...page.items], total: page.total, cursor: page.nextCursor, loading: false, error: null })),
      (error: unknown) => setState((s) => ({ ...s, loading: false, error })),
    );
  };

  return (
    <div className="lstats-drill__backdrop" onClick={onClose}>
      <div ref={panelRef} className="lstats-drill" role="dialog" aria-modal="true" aria-labelledby="lstats-drill-title" onClick={(e) => e.stopPropagation()} data-testid="stats-drill">
        <header className="lstats-drill__head">
          <div>
            <h3 id="lstats-drill-title">{drill.title}</h3>
            {drill.subtitle && <p className="lstats-note">{drill.subtitle}</p>}
            {state.total !== null && (
              <p className="lstats-drill__total" data-testid="stats-drill-total">
                {t('stats.drill.total', fmt.number(state.total))}
              </p>
            )}
          </div>
          <button ref={closeRef} type="button" className="lstats-btn" onClick={onClose}>
            {t('stats.drill.close')}
          </button>
        </header>
        {state.error !== null && (
          <p className="lstats-error" role="status">
            {t('stats.drill.loadError', describeError(state.error, t))}
          </p>
        )}
        {!state.loading && state.total === 0 && <p className="lstats-empty">{t('stats.drill.empty')}</p>}
        <ol className="lstats-drill__list">
          {state.items.map((r) => (
            <li key={r.id} className="lstats-drill__item" data-report={r.id}>
              <div className="lstats-drill__title">
                {onOpenReport ? (
                  <button type="button" className="lstats-link" onClick={() => onOpenReport(r.id)}>
                    {r.title}
                  </button>
                ) : (
                  r.title
                )}
                <span className={`lstats-status lstats-status--${r.status}`}>{t(`status.${r.status}`)}</span>
              </div>
              <div className="lstats-drill__meta">
                {[names.categoryName(r.categoryId, locale), names.districtName(r.districtCode), names.agencyName(r.agencyId) ?? t('stats.unassigned')].filter(Boolean).join(' · ')}
              </div>
              <div className="lstats-drill__meta">
                {[
                  t('stats.drill.received', fmt.dateTime(r.receivedAt)),
                  r.dueAt ? t('stats.drill.due', fmt.date(r.dueAt)) : null,
                  r.resolvedAt ? t('stats.drill.resolvedAt', fmt.dateTime(r.resolvedAt)) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              <div className="lstats-drill__address">{r.address}</div>
            </li>
          ))}
        </ol>
        {state.loading && <p className="lstats-note">{t('stats.loading')}</p>}
        {state.cursor && !state.loading && (
          <button type="button" className="lstats-btn lstats-drill__more" onClick={more}>
            {t('stats.drill.more')}
          </button>
        )}
      </div>
    </div>
  );
}
