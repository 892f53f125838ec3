import { useEffect, useState } from 'react';
import type { Report } from '../../../../shared/contract/report';
import type { DisputeItem } from '../../../../shared/contract/satisfaction';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { getDisputes, getUnsatisfied } from '../api/satisfaction-api';
import type { SatisfactionParams } from '../api/satisfaction-api';

type Tab = 'unsatisfied' | 'disputes';
interface Page<T> {
  items: T[];
  next: string | null;
  total: number;
}

/** The reports behind the weak figures: unsatisfied results and disputes of the period, paged. */
export function DrillDown({ params, counts, onOpen, nameOf }: { params: SatisfactionParams; counts: { unsatisfied: number; disputes: number }; onOpen: (id: number) => void; nameOf: (id: string | null) => string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('unsatisfied');
  return (
    <section className="sat-card sat-drill" aria-labelledby="sat-drill-title">
      <h3 id="sat-drill-title">{t('satisfaction.drill.title')}</h3>
      <div className="sat-tabs" role="tablist">
        {(['unsatisfied', 'disputes'] as const).map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} className="sat-tab" onClick={() => setTab(x)}>
            {x === 'unsatisfied' ? t('satisfaction.drill.unsatisfied', String(counts.unsatisfied)) : t('satisfaction.drill.disputes', String(counts.disputes))}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'unsatisfied' ? (
          <Paged key={`u${params.from}${params.to}${params.agencyId ?? ''}`} load={(cursor, signal) => getUnsatisfied({ ...params, cursor }, signal).then((r) => ({ items: r.items, next: r.nextCursor, total: r.total }))} render={(r: Report) => <UnsatisfiedRow key={r.id} r={r} onOpen={onOpen} nameOf={nameOf} />} />
        ) : (
          <Paged key={`d${params.from}${params.to}${params.agencyId ?? ''}`} load={(cursor, signal) => getDisputes({ ...params, cursor }, signal).then((r) => ({ items: r.items, next: r.nextCursor, total: r.total }))} render={(d: DisputeItem) => <DisputeRow key={d.dispute.seq} d={d} onOpen={onOpen} nameOf={nameOf} />} />
        )}
      </div>
    </section>
  );
}

function Paged<T>({ load, render }: { load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>; render: (item: T) => React.ReactNode }) {
  const { t } = useI18n();
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const ac = new AbortController();
    load(cursor, ac.signal).then(
      (p) => {
        setItems((prev) => (cursor === undefined ? p.items : [...prev, ...p.items]));
        setNext(p.next);
      },
      (e: unknown) => {
        if (!ac.signal.aborted) setError(e);
      },
    );
    return () => ac.abort();
    // `load` is recreated each render; the component is keyed by its query, so only the cursor drives loading
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor]);
  if (error) return <p className="sat-error">{describeError(error, t)}</p>;
  if (next === undefined) return <p className="sat-muted">{t('satisfaction.loading')}</p>;
  if (items.length === 0) return <p className="sat-muted">{t('satisfaction.drill.empty')}</p>;
  return (
    <>
      <ul className="sat-list">{items.map(render)}</ul>
      {next && (
        <button type="button" className="sat-btn" onClick={() => setCursor(next)}>
          {t('satisfaction.drill.more')}
        </button>
      )}
    </>
  );
}

function UnsatisfiedRow({ r, onOpen, nameOf }: { r: Report; onOpen: (id: number) => void; nameOf: (id: string | null) => string }) {
  const { t, fmt } = useI18n();
  return (
    <li className="sat-item">
      <button type="button" className="sat-item__open" onClick={() => onOpen(r.id)} aria-label={t('satisfaction.drill.open', r.title)}>
        <span className="sat-item__title">{r.title}</span>
        <span className="sat-item__meta">
          {nameOf(r.agencyId)} · {r.address} · {r.ratedAt ? t('satisfaction.drill.ratedAt', fmt.dateTime(r.ratedAt)) : ''}
        </span>
      </button>
    </li>
  );
}

function DisputeRow({ d, onOpen, nameOf }: { d: DisputeItem; onOpen: (id: number) => void; nameOf: (id: string | null) => string }) {
  const { t, fmt } = useI18n();
  return (
    <li className="sat-item">
      <button type="button" className="sat-item__open" onClick={() => onOpen(d.report.id)} aria-label={t('satisfaction.drill.open', d.report.title)}>
        <span className="sat-item__title">{d.report.title}</span>
        <span className="sat-item__meta">
          {d.dispute.kinds.map((k) => t(`satisfaction.kind.${k}`)).join(', ')} · {nameOf(d.dispute.agencyId)} · {t('satisfaction.drill.disputeAt', fmt.dateTime(d.dispute.at))},{' '}
          {t('satisfaction.drill.deadline', fmt.dateTime(d.dispute.deadline))}
        </span>
      </button>
      <span className={`sat-state sat-state--${d.dispute.state}`}>{t(`satisfaction.state.${d.dispute.state}`)}</span>
    </li>
  );
}
