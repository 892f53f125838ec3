import { BacklogPage } from '../../features/backlog/components/backlog-page';
import { OverdueQueue } from '../../features/overdue-queue/components/overdue-queue';
import { ReportDetailDrawer } from '../../features/report-detail/components/report-detail-drawer';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useCan } from '../../lib/session/use-session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSelectedReport } from '../use-selected-report';

/**
 * /backlog: per-unit backlog and overdue (everyone who reads statistics), the overdue queue (`queue.read`: centre
 * operators and leadership; its reminder controls only with `reminders.write` — the server enforces both), and the
 * report detail drawer for any report opened from either (`?report=<id>`).
 */
export function BacklogRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('backlog.title'));
  const queue = useCan('queue.read');
  const [selected, select] = useSelectedReport();
  return (
    <div className="backlog-route" style={{ display: 'flex', flexDirection: 'column', gap: 'var(--space-4)' }}>
      <BacklogPage onOpenReport={select} />
      {queue && <OverdueQueue onOpenReport={select} />}
      <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
    </div>
  );
}
