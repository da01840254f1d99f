import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../../shared/contract/settings.ts';
import { LOCALE_TAGS, resources } from '../../shared/i18n/index.ts';

void i18next.use(initReactI18next).init({
  lng: 'es',
  fallbackLng: 'es',
  resources,
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language) {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The translator plus the Intl locale that goes with the current language. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  const language = (i18n.language as Language) ?? 'es';
  return { t, language, locale: LOCALE_TAGS[language] ?? 'es-419' };
}
