import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../lib/i18n/i18n-context';

/** A route that fails to load (e.g. a lazy chunk missing after a deploy) offers a reload, not a blank screen. */
export function RouteError() {
  const { t } = useI18n();
  const err = useRouteError();
  const detail = isRouteErrorResponse(err) ? `${err.status} ${err.statusText}` : err instanceof Error ? err.message : String(err);
  return (
    <div className="placeholder" role="alert">
      <h1 className="page__title">{t('page.error.title')}</h1>
      <p className="placeholder__text">{detail}</p>
      <p>
        <button type="button" onClick={() => location.reload()}>
          {t('page.error.reload')}
        </button>
      </p>
    </div>
  );
}
