import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('page.notFound.title'));
  return (
    <section className="placeholder">
      <h2 className="page__title">{t('page.notFound.title')}</h2>
      <p>
        <Link to="/map">{t('page.notFound.back')}</Link>
      </p>
    </section>
  );
}
