import { useMemo } from 'react';
import type { Report } from '../../../../shared/contract/report';
import { isOverdue } from '../../../../shared/domain/timeliness';
import { describeError } from '../../../lib/api/describe-error';
import { useMeta } from '../../../lib/api/get-meta';
import { indexMeta } from '../../../lib/api/meta-index';
import type { MetaIndex } from '../../../lib/api/meta-index';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useNow } from '../../../lib/time/use-now';
import { useLatestReports } from '../api/get-reports';
import './latest-reports.css';

/** "New" badge for reports received in the last few minutes. */
const NEW_FOR_MS = 10 * 60_000;

function overdueSafe(r: Report, now: Date): boolean {
  try {
    return isOverdue(r, now);
  } catch {
    // the derived flag is an extra; the list must render even if the rule cannot be evaluated
    return false;
  }
}

function ReportRow({ report, meta, now, snapshotSeq }: { report: Report; meta: MetaIndex; now: number; snapshotSeq: number }) {
  const { t, fmt, locale } = useI18n();
  const isNew = now - Date.parse(report.receivedAt) < NEW_FOR_MS;
  const overdue = overdueSafe(report, new Date(now));
  const place = [report.address, meta.districtName(report.districtCode)].filter(Boolean).join(' · ');
  const agency = meta.agencyName(report.agencyId);
  return (
    <li className={`report-row${report.lastSeq > snapshotSeq ? ' report-row--updated' : ''}`}
    >
      <div className="report-row__time">
        <time dateTime={report.receivedAt} title={fmt.dateTime(report.receivedAt)}>
          {fmt.shortTime(report.receivedAt)}
        </time>
        <span className="report-row__ago">{fmt.relative(report.receivedAt, now)}</span>
      </div>
      <div className="report-row__main">
        <p className="report-row__title">
          {isNew && <span className="tag tag--new">{t('reports.new')}</span>}
          {report.urgent && <span className="tag tag--urgent">{t('reports.urgent')}</span>}
          {report.title}
        </p>
        <p className="report-row__meta">
          <span>{meta.categoryName(report.categoryId, locale)}</span>
          {place && <span>{place}</span>}
          <span>{agency ?? t('reports.unassigned')}</span>
        </p>
      </div>
      <div className="report-row__state">
        <span className={`status status--${report.status}`}>{t(`status.${report.status}`)}</span>
        {overdue && <span className="status status--overdue">{t('kpi.overdueNow')}</span>}
      </div>
    </li>
  );
}

export function LatestReports({ limit = 20, variant = 'desk' }: { limit?: number; variant?: 'desk' | 'wall' }) {
  const { t, fmt } = useI18n();
  const { data, error } = useLatestReports(limit);
  const meta = useMeta();
  const index = useMemo(() => indexMeta(meta), [meta]);
  const now = useNow(15_000);

  return (
    <section className={`latest latest--${variant}`} aria-labelledby="latest-heading">
      <header className="latest__header">
        <h2 id="latest-heading" className="latest__title">
          {t('reports.latest')}
        </h2>
        {data && <span className="latest__total">{t('reports.total', fmt.number(data.total))}</span>}
      </header>
      {error !== null && error !== undefined && (
        <p className="latest__error" role="status">
          {t('reports.loadError', describeError(error, t))}
        </p>
      )}
      {data && data.items.length === 0 && <p className="latest__empty">{t('reports.empty')}</p>}
      {data && data.items.length > 0 && (
        <ol className="latest__list">
          {data.items.map((r) => (
            // a report changed by the stream remounts, which replays the arrival highlight
            <ReportRow key={`${r.id}:${r.lastSeq}`} report={r} meta={index} now={now} snapshotSeq={data.seq} />
          ))}
        </ol>
      )}
    </section>
  );
}
