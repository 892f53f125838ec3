import { useEffect, useRef, useState } from 'react';
import type { Report } from '../../../../shared/contract/report';
import { isOverdue } from '../../../../shared/domain/timeliness';
import { describeError } from '../../../lib/api/describe-error';
import type { MetaIndex } from '../../../lib/api/meta-index';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { DRILL_PAGE, listReports } from '../api/list-reports';
import type { Drill } from '../model/drill';

interface PageState {
  items: Report[];
  total: number | null;
  next: string | null;
  loading: boolean;
  error: unknown;
}

const EMPTY: PageState = { items: [], total: null, next: null, loading: true, error: null };

/**
 * The reports behind a clicked figure: the list endpoint with the figure's filter, one server page at a time
 * (cursors kept for "previous"). Its total is the number that was clicked.
 */
export function DrillDown({ drill, names, now, onClose, onOpenReport }: { drill: Drill; names: MetaIndex; now: Date; onClose: () => void; onOpenReport: (id: number) => void }) {
  const { t, fmt, locale } = useI18n();
  // cursors of the pages before the current one ([null] = on the first page)
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [state, setState] = useState<PageState>(EMPTY);
  const closeRef = useRef<HTMLButtonElement>(null);
  const key = JSON.stringify(drill.filter);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setCursors([null]);
    setState(EMPTY);
  }
  const cursor = cursors[cursors.length - 1] ?? null;

  useEffect(() => {
    const ac = new AbortController();
    listReports(drill.filter, cursor, ac.signal).then(
      (page) => setState({ items: page.items, total: page.total, next: page.nextCursor, loading: false, error: null }),
      (error: unknown) => {
        if (!ac.signal.aborted) setState((s) => ({ ...s, loading: false, error }));
      },
    );
    return () => ac.abort();
    // the filter's JSON and the cursor identify the page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cursor]);

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const start = (cursors.length - 1) * DRILL_PAGE;
  return (
    <div className="bl-drill__backdrop" onClick={onClose}>
      <div className="bl-drill" role="dialog" aria-modal="true" aria-labelledby="bl-drill-title" data-testid="backlog-drill" onClick={(e) => e.stopPropagation()}>
        <header className="bl-drill__head">
          <div>
            <h3 id="bl-drill-title" className="bl-drill__title">
              {t('backlog.drill.title', drill.figureLabel, drill.scopeLabel)}
            </h3>
            <p className="bl-drill__total" data-testid="drill-total">
              {state.total === null ? t('backlog.loading') : t('backlog.drill.total', fmt.number(state.total))}
            </p>
          </div>
          <button ref={closeRef} type="button" className="bl-btn" onClick={onClose}>
            {t('backlog.drill.close')}
          </button>
        </header>
        {state.error !== null && (
          <p className="bl-error" role="status">
            {t('backlog.drill.loadError', describeError(state.error, t))}
          </p>
        )}
        {state.total === 0 && !state.loading && <p className="bl-empty">{t('backlog.drill.empty')}</p>}
        {state.items.length > 0 && (
          <div className="bl-drill__scroll">
            <table className="bl-table bl-drill__table">
              <thead>
                <tr>
                  <th scope="col">{t('backlog.drill.col.id')}</th>
                  <th scope="col">{t('backlog.drill.col.title')}</th>
                  <th scope="col">{t('backlog.drill.col.unit')}</th>
                  <th scope="col">{t('backlog.drill.col.received')}</th>
                  <th scope="col">{t('backlog.drill.col.due')}</th>
                  <th scope="col">{t('backlog.drill.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((r) => (
                  <tr key={r.id} data-report={r.id}>
                    <td className="bl-mono">{r.externalId}</td>
                    <td>
                      <button type="button" className="bl-link" onClick={() => onOpenReport(r.id)}>
                        {r.title}
                      </button>
                      <div className="bl-note">
                        {[names.categoryName(r.categoryId, locale), names.districtName(r.districtCode)].filter(Boolean).join(' · ')}
                      </div>
                    </td>
                    <td>{names.agencyName(r.agencyId) ?? t('backlog.queue.noUnit')}</td>
                    <td className="bl-nowrap">{fmt.dateTime(r.receivedAt)}</td>
                    <td className="bl-nowrap">{r.dueAt ? fmt.dateTime(r.dueAt) : '—'}</td>
                    <td>
                      <span className={`bl-status bl-status--${r.status}`}>{t(`status.${r.status}`)}</span>
                      {isOverdue(r, now) && <span className="bl-status bl-status--overdue">{t('backlog.drill.overdue')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {state.total !== null && state.total > 0 && (
          <footer className="bl-drill__pager">
            <span>{t('backlog.drill.range', fmt.number(start + 1), fmt.number(start + state.items.length), fmt.number(state.total))}</span>
            <button type="button" className="bl-btn" disabled={cursors.length <= 1 || state.loading} onClick={() => {
                setState((s) => ({ ...s, loading: true }));
                setCursors((c) => c.slice(0, -1));
              }}>
              {t('backlog.drill.prev')}
            </button>
            <button type="button" className="bl-btn" disabled={!state.next || state.loading} onClick={() => {
                const next = state.next;
                if (!next) return;
                setState((s) => ({ ...s, loading: true }));
                setCursors((c) => [...c, next]);
              }}>
              {t('backlog.drill.next')}
            </button>
          </footer>
        )}
      </div>
    </div>
  );
}
