import { useParams } from 'react-router';
import { ReportDetailDrawer } from '../../features/report-detail/components/report-detail-drawer';
import { UnitView } from '../../features/unit-view/components/unit-view';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useRole } from '../../lib/session/use-session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSelectedReport } from '../use-selected-report';

const hrefOf = (id: string) => `/units/${encodeURIComponent(id)}`;

/**
 * /units and /units/:id: the unit-head view (a report opens in the shared detail drawer, which shows the reporter
 * only with `reporter.read`). A unit head's page is locked to their unit (the session gate keeps them on it).
 */
export function UnitRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  useDocumentTitle(t('units.title'));
  const [selected, select] = useSelectedReport();
  const locked = useRole() === 'unit_head';
  return (
    <>
      <UnitView agencyId={id ?? null} hrefOf={hrefOf} onOpenReport={select} locked={locked} />
      <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
    </>
  );
}
