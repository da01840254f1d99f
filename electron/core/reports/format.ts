import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/contract/settings.ts';
import { formatDate, formatNumber } from '../../../shared/format.ts';
import { createI18n, LOCALE_TAGS } from '../../../shared/i18n/index.ts';
import { formatMoney } from '../../../shared/money.ts';

/** Everything a report needs to speak one language, independent of the app's own language. */
export type ReportLocale = {
  lang: Language;
  tag: string;
  t: TFunction;
  date(iso: string | null | undefined): string;
  longDate(iso: string | null | undefined): string;
  number(n: number): string;
  /** Money stored as integer minor units of an ISO 4217 currency. */
  money(minor: number, currency: string): string;
  /** A name and its native-script form, "Shanghai (上海市)", once each. */
  bothScripts(name: string, native: string | null | undefined): string;
};

const locales = new Map<Language, ReportLocale>();

/** One per language for the process: an i18n instance is costly to create and never changes. */
export function reportLocale(lang: Language): ReportLocale {
  let locale = locales.get(lang);
  if (!locale) {
    locale = createLocale(lang);
    locales.set(lang, locale);
  }
  return locale;
}

function createLocale(lang: Language): ReportLocale {
  const tag = LOCALE_TAGS[lang];
  const { t } = createI18n(lang);
  return {
    lang,
    tag,
    t,
    date: (iso) => formatDate(iso, tag, 'medium'),
    longDate: (iso) => formatDate(iso, tag, 'long'),
    number: (n) => formatNumber(n, tag),
    money: (minor, currency) => formatMoney(minor, currency, tag),
    bothScripts: (name, native) => (native && native !== name ? `${name} (${native})` : name),
  };
}
