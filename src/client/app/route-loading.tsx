import { useI18n } from '../lib/i18n/i18n-context';

export function RouteLoading() {
  const { t } = useI18n();
  return (
    <p className="boot" role="status">
      {t('app.loading')}
    </p>
  );
}
