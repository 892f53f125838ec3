import { useI18n } from '../lib/i18n/i18n-context';
import { locales } from '../lib/i18n/locale-store';
import './language-switch.css';

/** Each option is labelled in its own language, so someone who cannot read the current one can still switch. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-switch__option"
          aria-pressed={locale === l}
          onClick={() => setLocale(l)}
        >
          {t(l === 'vi' ? 'lang.vi' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}
