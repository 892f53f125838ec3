import { ReportDetailDrawer } from '../../features/report-detail/components/report-detail-drawer';
import { LeadershipStats } from '../../features/leadership-stats/components/leadership-stats';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSelectedReport } from '../use-selected-report';

const unitLink = (agencyId: string) => `/units/${encodeURIComponent(agencyId)}`;

/** /stats: leadership statistics; a report picked in a drill-down list opens in the shared detail drawer. */
export function StatsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('stats.title'));
  const [selected, select] = useSelectedReport();
  return (
    <>
      <LeadershipStats onOpenReport={select} unitLink={unitLink} />
      <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
    </>
  );
}
