import { useEffect } from 'react';
import { useI18n } from './i18n/i18n-context';

/** "<page> · <centre>" so a browser tab or window list on a wall PC says what it shows. */
export function useDocumentTitle(page: string): void {
  const { t } = useI18n();
  const app = t('app.subtitle');
  useEffect(() => {
    document.title = `${page} · ${app}`;
  }, [page, app]);
}
