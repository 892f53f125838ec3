import { useParams } from 'react-router';
import { ReportDetailDrawer } from '../../features/report-detail/components/report-detail-drawer';
import { UnitView } from '../../features/unit-view/components/unit-view';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSelectedReport } from '../use-selected-report';

const hrefOf = (id: string) => `/units/${encodeURIComponent(id)}`;

/** /units and /units/:id: the unit-head view (a report opens in the shared detail drawer, which never shows the reporter without the operator token). */
export function UnitRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  useDocumentTitle(t('units.title'));
  const [selected, select] = useSelectedReport();
  return (
    <>
      <UnitView agencyId={id ?? null} hrefOf={hrefOf} onOpenReport={select} />
      <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
    </>
  );
}
