import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language, SettingsView } from '../../shared/contract/settings.ts';
import { regionNumbers, resources } from '../../shared/i18n/index.ts';
import { officeLocale } from '../../shared/region.ts';

void i18next.use(initReactI18next).init({
  lng: 'es',
  fallbackLng: 'es',
  resources,
  initAsync: false,
  interpolation: { escapeValue: false },
});

// The office's region comes with the settings; until they arrive the language's default is used.
let office: { known: boolean; country: string | null; currency: string | null } = { known: false, country: null, currency: null };
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const currentOffice = () => office;
regionNumbers(i18next, () => officeLocale(i18next.language as Language, office.country));

export function setLanguage(language: Language) {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The app's language and the office's region, from what `settings.get` answered. */
export function setOffice(settings: SettingsView) {
  setLanguage(settings.language);
  const { country, currency } = settings.region;
  if (!office.known || country !== office.country || currency !== office.currency) {
    office = { known: true, country, currency };
    for (const listener of listeners) listener();
  }
}

/**
 * The translator, the office's locale (language + region: es-UY, pt-BR…) that
 * every number, amount, date and time on screen is written with, and the
 * office's currency that new amounts start in.
 */
export function useLocale() {
  const { t, i18n } = useTranslation();
  const { known, country, currency } = useSyncExternalStore(subscribe, currentOffice);
  const language = (i18n.language as Language) ?? 'es';
  // `officeKnown`: the settings have arrived, so `locale` is the office's and not the language's default.
  return { t, language, locale: officeLocale(language, country), currency, officeKnown: known };
}
