import { useEffect, useRef, useState } from 'react';
import { reportDetailResponse } from '../../../../shared/contract/api';
import type { ReportDetailResponse } from '../../../../shared/contract/api';
import { describeError } from '../../../lib/api/describe-error';
import { fetchJson } from '../../../lib/api/http';
import { useI18n } from '../../../lib/i18n/i18n-context';

/**
 * The report detail drawer. (First cut: title and text; the timeline, SLA countdown, gallery, focus trap and
 * live refresh follow.)
 */
export function ReportDetailDrawer({ reportId, onClose }: { reportId: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ id: number; data: ReportDetailResponse | null; error: unknown } | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (reportId === null) return;
    const ac = new AbortController();
    fetchJson(`/api/v1/reports/${reportId}`, reportDetailResponse, { signal: ac.signal }).then(
      (data) => setState({ id: reportId, data, error: null }),
      (error: unknown) => {
        if (!ac.signal.aborted) setState({ id: reportId, data: null, error });
      },
    );
    return () => ac.abort();
  }, [reportId]);
  useEffect(() => {
    if (reportId !== null) closeRef.current?.focus();
  }, [reportId]);
  if (reportId === null) return null;
  const current = state?.id === reportId ? state : null;
  const title = current?.data?.title ?? '';
  return (
    <aside
      className="detail"
      role="dialog"
      aria-label={t('detail.label', title)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <button ref={closeRef} type="button" onClick={onClose}>
        {t('detail.close')}
      </button>
      {!current && <p>{t('detail.loading')}</p>}
      {current?.error !== null && current?.error !== undefined && <p role="alert">{t('detail.loadError', describeError(current.error, t))}</p>}
      {current?.data && (
        <>
          <h2>{current.data.title}</h2>
          <p>{current.data.description}</p>
        </>
      )}
    </aside>
  );
}
