import { ReportDetailDrawer } from '../../features/report-detail/components/report-detail-drawer';
import { SatisfactionPage } from '../../features/satisfaction/components/satisfaction-page';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSelectedReport } from '../use-selected-report';

/** /satisfaction, with the report detail drawer for its drill-down (`?report=<id>`). */
export function SatisfactionRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.satisfaction'));
  const [selected, select] = useSelectedReport();
  return (
    <>
      <SatisfactionPage onOpenReport={select} />
      <ReportDetailDrawer reportId={selected} onClose={() => select(null)} />
    </>
  );
}
