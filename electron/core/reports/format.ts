import type { Language } from '../../../shared/contract/settings.ts';
import { formatDate, formatNumber } from '../../../shared/format.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { formatMoney } from '../../../shared/money.ts';
import { twoScripts } from '../../../shared/names.ts';
import { LANGUAGE_TAGS } from '../../../shared/region.ts';
import { NameLanguages } from './text.ts';

/** Everything a report needs to speak one language, independent of the app's own language. */
export type ReportLocale = {
  lang: Language;
  tag: string;
  /** A translated string; a key without options is looked up once. */
  t(key: string, options?: Record<string, unknown>): string;
  /** A date in a table cell: one line of a narrow column (see createLocale). */
  date(iso: string | null | undefined): string;
  longDate(iso: string | null | undefined): string;
  number(n: number): string;
  /** Money stored as integer minor units of an ISO 4217 currency. */
  money(minor: number, currency: string): string;
  /**
   * A name and its native-script form as screens show them (shared/names.ts:
   * "Kobe 神戸市"), the native part recorded with its locality's country so
   * the document's runs draw it in that language (神戸市 in Japanese forms).
   */
  bothScripts(name: string, native: string | null | undefined, country: string | null | undefined): string;
  /** The languages of the names this report wrote (text.ts); one per report. */
  names: NameLanguages;
};

type SharedLocale = Omit<ReportLocale, 'bothScripts' | 'names'>;

const locales = new Map<string, SharedLocale>();

/**
 * A locale for one report. Its words, dates and numbers are shared by every
 * report in that language and locale for the process (an i18n instance is
 * costly to create and never changes); the names it wrote are its own. `tag` is the office's locale for this language
 * (`en-UY` for an English report of a Uruguayan office): the words follow the
 * report's language, numbers and dates the region (see generate.ts).
 */
export function reportLocale(lang: Language, tag: string = LANGUAGE_TAGS[lang]): ReportLocale {
  const key = `${lang}|${tag}`;
  let shared = locales.get(key);
  if (!shared) {
    shared = createLocale(lang, tag);
    locales.set(key, shared);
  }
  const names = new NameLanguages();
  return {
    ...shared,
    names,
    bothScripts: (name, native, country) => {
      if (native) names.add(native, country);
      return twoScripts(name, native);
    },
  };
}

function createLocale(lang: Language, tag: string): SharedLocale {
  const { t: translate } = createI18n(lang, () => tag);
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
  const memo = (style: 'medium' | 'long' | 'numeric') => {
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
  // Dates sit in columns about 2 cm wide. Where the abbreviated form is short
  // ("28 set. 2026", "Sep 28, 2026") it fits on a line; Portuguese's "28 de set.
  // de 2026" wrapped over two or three, so there the digits of the date fields
  // (28/09/2026) are used, as Brazilian offices write dates in tables.
  const fits = formatDate('2026-09-28', tag, 'medium').length <= 13;
  return {
    lang,
    tag,
    t,
    date: memo(fits ? 'medium' : 'numeric'),
    longDate: memo('long'),
    number: (n) => formatNumber(n, tag),
    money: (minor, currency) => formatMoney(minor, currency, tag),
  };
}
