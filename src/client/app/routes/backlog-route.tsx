import { BacklogPage } from '../../features/backlog/components/backlog-page';
import { OverdueQueue } from '../../features/overdue-queue/components/overdue-queue';
import { ReportDetailDrawer } from '../../features/report-detail/components/report-detail-drawer';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useSession } from '../../lib/session/use-session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSelectedReport } from '../use-selected-report';

/**
 * /backlog: per-unit backlog and overdue (everyone), the overdue queue with reminders (centre operators only —
 * the server enforces it too), and the report detail drawer for any report opened from either (`?report=<id>`).
 */
export function BacklogRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('backlog.title'));
  const session = useSession();
  const [selected, select] = useSelectedReport();
  return (
    <div className="backlog-route" style={{ display: 'flex', flexDirection: 'column', gap: 'var(--space-4)' }}>
      <BacklogPage onOpenReport={select} />
      {session.role === 'operator' && <OverdueQueue onOpenReport={select} />}
      <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
    </div>
  );
}
