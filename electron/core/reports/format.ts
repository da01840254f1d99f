import type { Language } from '../../../shared/contract/settings.ts';
import { formatDate, formatNumber } from '../../../shared/format.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { formatMoney } from '../../../shared/money.ts';
import { LANGUAGE_TAGS } from '../../../shared/region.ts';

/** Everything a report needs to speak one language, independent of the app's own language. */
export type ReportLocale = {
  lang: Language;
  tag: string;
  /** A translated string; a key without options is looked up once. */
  t(key: string, options?: Record<string, unknown>): string;
  date(iso: string | null | undefined): string;
  longDate(iso: string | null | undefined): string;
  number(n: number): string;
  /** Money stored as integer minor units of an ISO 4217 currency. */
  money(minor: number, currency: string): string;
  /** A name and its native-script form, "Shanghai (上海市)", once each. */
  bothScripts(name: string, native: string | null | undefined): string;
};

const locales = new Map<string, ReportLocale>();

/**
 * One per language and locale for the process: an i18n instance is costly to
 * create and never changes. `tag` is the office's locale for this language
 * (`en-UY` for an English report of a Uruguayan office): the words follow the
 * report's language, numbers and dates the region (see generate.ts).
 */
export function reportLocale(lang: Language, tag: string = LANGUAGE_TAGS[lang]): ReportLocale {
  const key = `${lang}|${tag}`;
  let locale = locales.get(key);
  if (!locale) {
    locale = createLocale(lang, tag);
    locales.set(key, locale);
  }
  return locale;
}

function createLocale(lang: Language, tag: string): ReportLocale {
  const { t: translate } = createI18n(lang);
  // Labels (a role, a kind, a status) are looked up once per row of a big table;
  // a key without options always gives the same text, so it is looked up once.
  const labels = new Map<string, string>();
  const t = (key: string, options?: Record<string, unknown>): string => {
    if (options !== undefined) return translate(key, options);
    let text = labels.get(key);
    if (text === undefined) {
      text = translate(key);
      labels.set(key, text);
    }
    return text;
  };
  // A year's report prints the same few hundred days thousands of times, and
  // Intl's format is the slow part: each date is formatted once.
  const memo = (style: 'medium' | 'long') => {
    const done = new Map<string, string>();
    return (iso: string | null | undefined) => {
      if (!iso) return '';
      let text = done.get(iso);
      if (text === undefined) {
        text = formatDate(iso, tag, style);
        done.set(iso, text);
      }
      return text;
    };
  };
  return {
    lang,
    tag,
    t,
    date: memo('medium'),
    longDate: memo('long'),
    number: (n) => formatNumber(n, tag),
    money: (minor, currency) => formatMoney(minor, currency, tag),
    bothScripts: (name, native) => (native && native !== name ? `${name} (${native})` : name),
  };
}
