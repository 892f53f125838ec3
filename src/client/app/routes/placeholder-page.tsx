import { useI18n } from '../../lib/i18n/i18n-context';
import type { MessageKey } from '../../lib/i18n/messages-vi';
import { useDocumentTitle } from '../../lib/use-document-title';

type StringKey = {
  [K in MessageKey]: K extends `page.${string}.${'title' | 'placeholder'}` ? K : never;
}[MessageKey];

/** A page another issue builds: says what will be here, shows no figures. */
export function PlaceholderPage({ title, text }: { title: StringKey; text: StringKey }) {
  const { t } = useI18n();
  useDocumentTitle(t(title));
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title" className="page__title">
        {t(title)}
      </h2>
      <div className="placeholder">
        <span className="placeholder__badge">{t('page.comingSoon')}</span>
        <p className="placeholder__text">{t(text)}</p>
      </div>
    </section>
  );
}
