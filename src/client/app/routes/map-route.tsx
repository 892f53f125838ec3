import { LatestReports } from '../../features/latest-reports/components/latest-reports';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Until the map lands (next issue), the page shows the newest reports, live — real data, nothing invented. */
export function MapRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('page.map.title'));
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title" className="page__title">
        {t('page.map.title')}
      </h2>
      <p className="page__lead">{t('page.map.interim')}</p>
      <LatestReports limit={20} />
    </section>
  );
}
