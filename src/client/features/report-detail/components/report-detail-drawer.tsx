import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { ReportDetailResponse } from '../../../../shared/contract/api';
import { timelinessOf } from '../../../../shared/domain/timeliness';
import { describeError } from '../../../lib/api/describe-error';
import { ApiRequestError } from '../../../lib/api/api-error';
import { useMeta } from '../../../lib/api/get-meta';
import type { I18n } from '../../../lib/i18n/i18n-context';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useCan } from '../../../lib/session/use-session';
import { useNow } from '../../../lib/time/use-now';
import { useReportDetail } from '../hooks/use-report-detail';
import { countdownTo } from '../model/countdown';
import { detailMeta } from '../model/detail-meta';
import type { DetailMeta } from '../model/detail-meta';
import { DetailTimeline } from './detail-timeline';
import { DistrictLocator } from './district-locator';
import { MediaGallery } from './media-gallery';
import type { GalleryItem } from './media-gallery';
import './report-detail-drawer.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, video[controls], audio[controls], [tabindex]:not([tabindex="-1"])';

/**
 * The report detail drawer: everything about one report, following it live. A modal dialog: focus moves in
 * and stays in (Tab wraps), Esc or the close button closes it, and focus returns to what opened it.
 * `reportId` null renders nothing.
 */
export function ReportDetailDrawer({ reportId, onClose }: { reportId: number | null; onClose: () => void }) {
  if (reportId === null) return null;
  return <OpenDrawer reportId={reportId} onClose={onClose} />;
}

function OpenDrawer({ reportId, onClose }: { reportId: number; onClose: () => void }) {
  const { t } = useI18n();
  const { data, error, loading, liveUpdatedAt, retry } = useReportDetail(reportId);
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeCb = useRef(onClose);
  useEffect(() => {
    closeCb.current = onClose;
  });

  // focus in on open, back to the opener on close
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // a different report in the same drawer starts at its top
  useEffect(() => {
    bodyRef.current?.scrollTo?.({ top: 0 });
  }, [reportId]);

  // Esc anywhere (focus may have been lost to the body by a removed element) closes the drawer
  useEffect(() => {
    const onDocKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !dialogRef.current?.contains(document.activeElement)) closeCb.current();
    };
    document.addEventListener('keydown', onDocKey);
    return () => document.removeEventListener('keydown', onDocKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeCb.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const nodes = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((n) => !n.closest('[hidden]'));
    const first = nodes[0];
    const last = nodes.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && (document.activeElement === first || !dialogRef.current?.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const notFound = error instanceof ApiRequestError && error.status === 404;
  return (
    <div className="detail-layer">
      <div className="detail-backdrop" onClick={() => closeCb.current()} aria-hidden="true" />
      <div ref={dialogRef} className="detail" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-busy={loading} onKeyDown={onKeyDown} data-testid="report-detail">
        <header className="detail__header">
          <div className="detail__heading">
            <p className="detail__code">{t('detail.code', data?.externalId ?? `#${reportId}`)}</p>
            <h2 id={titleId} className="detail__title">
              {t('detail.label', data ? data.title : `#${reportId}`)}
            </h2>
          </div>
          <button ref={closeRef} type="button" className="detail__close" onClick={() => closeCb.current()}>
            <span aria-hidden="true">✕ </span>
            {t('detail.close')}
          </button>
        </header>
        <div ref={bodyRef} className="detail__body">
          {loading && <p className="detail__status">{t('detail.loading')}</p>}
          {notFound && <p className="detail__status detail__status--error">{t('detail.notFound')}</p>}
          {error !== null && error !== undefined && !notFound && (
            <div className="detail__status detail__status--error" role="alert">
              <p>{t('detail.loadError', describeError(error, t))}</p>
              <button type="button" onClick={retry}>
                {t('detail.retry')}
              </button>
            </div>
          )}
          {data && <DetailContent report={data} liveUpdatedAt={liveUpdatedAt} />}
        </div>
      </div>
    </div>
  );
}

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`detail-section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h3 id={id} className="detail-section__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function spanText(days: number, hours: number, { t, fmt }: Pick<I18n, 't' | 'fmt'>): string {
  const parts: string[] = [];
  if (days > 0) parts.push(t('detail.span.days', fmt.number(days)));
  if (hours > 0 || days === 0) parts.push(t('detail.span.hours', fmt.number(hours)));
  return parts.join(' ');
}

/** "còn 2 ngày 3 giờ làm việc" / "quá hạn 1 ngày làm việc", in working time. */
function countdownText(dueAt: string, now: number, i18n: Pick<I18n, 't' | 'fmt'>): { text: string; overdue: boolean } {
  const c = countdownTo(new Date(dueAt), new Date(now));
  const { t, fmt } = i18n;
  if (c.overdue) {
    if (c.days === 0 && c.hours === 0) return { text: t('detail.countdown.overdueUnderHour'), overdue: true };
    return { text: t('detail.countdown.overdue', spanText(c.days, c.hours, i18n)), overdue: true };
  }
  if (c.days === 0 && c.hours === 0) return { text: t('detail.countdown.leftUnderHour', fmt.number(c.minutes)), overdue: false };
  return { text: t('detail.countdown.left', spanText(c.days, c.hours, i18n)), overdue: false };
}

function galleryOf(r: ReportDetailResponse): GalleryItem[] {
  const own = r.media.map((m) => ({ ...m, result: false }));
  const results = r.events.flatMap((e) =>
    e.type === 'resolved' && Array.isArray(e.data.media)
      ? (e.data.media as unknown[]).flatMap((m) => {
          const item = m as Partial<GalleryItem>;
          return typeof item.url === 'string' && (item.kind === 'image' || item.kind === 'video' || item.kind === 'audio')
            ? [{ url: item.url, kind: item.kind, name: typeof item.name === 'string' ? item.name : undefined, result: true }]
            : [];
        })
      : [],
  );
  return [...own, ...results];
}

function DetailContent({ report: r, liveUpdatedAt }: { report: ReportDetailResponse; liveUpdatedAt: number | null }) {
  const i18n = useI18n();
  const { t, fmt, locale } = i18n;
  const meta = useMeta();
  const names: DetailMeta = useMemo(() => detailMeta(meta), [meta]);
  const now = useNow(30_000);
  const gallery = useMemo(() => galleryOf(r), [r]);
  const ward = names.ward(r.wardCode);
  const district = names.district(r.districtCode);
  const area = [ward, district].filter(Boolean).join(', ');
  const open = r.status !== 'resolved' && r.status !== 'rejected';
  const countdown = open && r.dueAt ? countdownText(r.dueAt, now, i18n) : null;
  const timeliness = !open ? timelinessOf(r, new Date(now)) : null;
  const rating = r.rating;
  // the highlight marks events that arrived while the drawer was open (state that follows the report shown)
  const [opened, setOpened] = useState({ id: r.id, seq: r.lastSeq });
  if (opened.id !== r.id) setOpened({ id: r.id, seq: r.lastSeq });
  const highlightAfter = liveUpdatedAt !== null && opened.id === r.id ? opened.seq : null;
  const operator = useCan('reporter.read');

  return (
    <>
      <div className="detail__chips">
        <span className={`detail-chip detail-chip--${r.status}`}>{t(`status.${r.status}`)}</span>
        {countdown?.overdue && <span className="detail-chip detail-chip--overdue">{t('detail.overdue')}</span>}
        {r.urgent && <span className="detail-chip detail-chip--urgent">{t('detail.urgent')}</span>}
        {liveUpdatedAt !== null && <span className="detail-chip detail-chip--live" role="status">{t('detail.updated')}</span>}
      </div>

      <Section title={t('detail.section.report')}>
        <p className="detail__text">{r.description || '—'}</p>
        <dl className="detail-facts">
          <Fact label={t('detail.category')}>{names.category(r.categoryId, locale)}</Fact>
          <Fact label={t('detail.receivedAt')}>
            <time dateTime={r.receivedAt}>{fmt.dateTime(r.receivedAt)}</time>
          </Fact>
          <Fact label={t('detail.channel')}>{t(`detail.channel.${r.channel}`)}</Fact>
        </dl>
      </Section>

      <Section title={t('detail.section.place')}>
        <dl className="detail-facts">
          <Fact label={t('detail.address')}>{r.address}</Fact>
          <Fact label={t('detail.area')}>{area || t('detail.noArea')}</Fact>
        </dl>
        <DistrictLocator lat={r.lat} lng={r.lng} districtCode={r.districtCode} label={t('detail.locator', [r.address, area].filter(Boolean).join(', '))} />
      </Section>

      <Section title={t('detail.section.media')}>
        <MediaGallery items={gallery} title={r.title} />
      </Section>

      <Section title={t('detail.section.handling')}>
        <dl className="detail-facts">
          <Fact label={t('detail.leadUnit')}>{names.agency(r.agencyId) ?? t('detail.unassigned')}</Fact>
          <Fact label={t('detail.coordinating')}>
            {r.coordinatingAgencyIds.length > 0 ? (
              <ul className="detail__units">
                {r.coordinatingAgencyIds.map((id) => (
                  <li key={id}>{names.agency(id)}</li>
                ))}
              </ul>
            ) : (
              t('detail.none')
            )}
          </Fact>
          {r.reminderCount > 0 && <Fact label={t('feed.type.reminded')}>{t('detail.reminderCount', fmt.number(r.reminderCount))}</Fact>}
          {r.reopenCount > 0 && <Fact label={t('feed.type.reopened')}>{t('detail.reopenCount', fmt.number(r.reopenCount))}</Fact>}
        </dl>
      </Section>

      <Section title={t('detail.section.deadline')} className="detail-deadline">
        {r.dueAt ? (
          <dl className="detail-facts">
            <Fact label={t('detail.dueAt')}>
              <time dateTime={r.dueAt}>{fmt.dateTime(r.dueAt)}</time>
              {countdown && (
                <span className={countdown.overdue ? 'detail-countdown detail-countdown--overdue' : 'detail-countdown'} data-testid="detail-countdown">
                  {countdown.text}
                </span>
              )}
              {timeliness && timeliness !== 'pending' && timeliness !== 'overdue' && (
                <span className={`detail-countdown detail-countdown--${timeliness}`}>{t(`detail.timeliness.${timeliness}`)}</span>
              )}
            </Fact>
            {r.originalDueAt && r.originalDueAt !== r.dueAt && (
              <Fact label={t('detail.originalDueAt')}>
                <time dateTime={r.originalDueAt}>{fmt.dateTime(r.originalDueAt)}</time>
              </Fact>
            )}
            {r.sla && (
              <Fact label={t('detail.slaRule')}>
                <span data-testid="detail-sla">
                  {t(
                    'detail.sla',
                    fmt.number(r.sla.amount),
                    t(`detail.sla.unit.${r.sla.unit}`),
                    t(`detail.sla.mode.${r.sla.mode}`),
                    r.sla.source === 'category' ? t('detail.sla.source.category', names.category(r.sla.categoryId, locale)) : t('detail.sla.source.default'),
                  )}
                </span>
                <span className="detail__sub">{t('detail.slaFrom', fmt.dateTime(r.sla.from))}</span>
              </Fact>
            )}
          </dl>
        ) : (
          <p>{t('detail.noDue')}</p>
        )}
        <h4 className="detail-section__subtitle">{t('detail.section.extensions')}</h4>
        {r.extensions.length === 0 ? (
          <p className="detail__muted">{t('detail.noExtensions')}</p>
        ) : (
          <ol className="detail-extensions">
            {r.extensions.map((x, i) => (
              <li key={i}>
                <span>{t('detail.extension', fmt.dateTime(x.fromDueAt), fmt.dateTime(x.toDueAt))}</span>
                <span className="detail__sub">
                  <time dateTime={x.at}>{fmt.dateTime(x.at)}</time>
                  {x.reason && ` · ${t('detail.reason', x.reason)}`}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t('detail.section.result')}>
        {r.status === 'rejected' && r.rejectedReason ? (
          <p>{t('detail.rejectedReason', r.rejectedReason)}</p>
        ) : r.resultText ? (
          <>
            <p className="detail__text">{r.resultText}</p>
            {r.resolvedAt && <p className="detail__sub">{t('detail.resolvedAt', fmt.dateTime(r.resolvedAt))}</p>}
          </>
        ) : (
          <p className="detail__muted">{t('detail.noResult')}</p>
        )}
      </Section>

      <Section title={t('detail.section.feedback')}>
        <dl className="detail-facts">
          <Fact label={t('detail.rating')}>
            {rating ? (
              <span className={`detail-rating detail-rating--${rating}`}>
                {t(`feed.rating.${rating}`)}
                {r.ratedAt && <span className="detail__sub"> {t('detail.ratedAt', fmt.dateTime(r.ratedAt))}</span>}
              </span>
            ) : (
              t('detail.notRated')
            )}
          </Fact>
          <Fact label={t('detail.comments')}>{t('detail.commentCount', fmt.number(r.commentCount))}</Fact>
        </dl>
      </Section>

      <Section title={t('detail.section.reporter')}>
        {r.reporter ? (
          <dl className="detail-facts" data-testid="detail-reporter">
            <Fact label={t('detail.reporterName')}>{r.reporter.name}</Fact>
            <Fact label={t('detail.reporterPhone')}>
              <a href={`tel:${r.reporter.phone.replace(/[^0-9+]/g, '')}`}>{r.reporter.phone}</a>
            </Fact>
          </dl>
        ) : operator ? (
          <p className="detail__muted">{t('detail.reporterNone')}</p>
        ) : (
          <p className="detail__confidential" data-testid="detail-reporter-hidden">
            <svg className="detail__lock" width="1em" height="1em" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M7 11V8a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
            </svg>{' '}
            {t('detail.reporterHidden')}
            <span className="detail__sub"> {t('detail.reporterOnlyOperators')}</span>
          </p>
        )}
      </Section>

      <Section title={t('detail.section.timeline')}>
        <DetailTimeline events={r.events} meta={names} highlightAfter={highlightAfter} />
      </Section>
    </>
  );
}
