import { COUNTRY_CODES } from './countries.ts';
import type { Language } from './languages.ts';

// The office's locale is its language plus its region: the language chooses the
// words, the region how numbers and dates are written. Stored data never
// depends on it; only what people read and type does.

/** When the office's country is not known yet: Latin American Spanish, Brazilian Portuguese, British English (day first). */
export const LANGUAGE_TAGS: Record<Language, string> = { es: 'es-419', pt: 'pt-BR', en: 'en-GB' };

const known = new Map<string, boolean>();

/** Whether the runtime's ICU has data for exactly this tag (en-UY has none: Intl quietly uses en-US). */
function hasData(tag: string): boolean {
  let yes = known.get(tag);
  if (yes === undefined) {
    try {
      yes = new Intl.NumberFormat(tag).resolvedOptions().locale === tag && new Intl.DateTimeFormat(tag).resolvedOptions().locale === tag;
    } catch {
      yes = false;
    }
    known.set(tag, yes);
  }
  return yes;
}

/**
 * The office's locale: `es` + Uruguay → `es-UY`, `pt` + Brazil → `pt-BR`.
 * A language not spoken in the country keeps the country (`en` + Uruguay →
 * `en-UY`) rather than becoming `en-US`: the tag says which office this is,
 * numbers still follow Uruguay (see `numberLocale`) and dates day-first
 * English (see `dateLocale`), so a clerk who switches to English types
 * amounts the way the office always has. No country: the language's default.
 */
export function officeLocale(language: Language, country: string | null | undefined): string {
  if (!country || !COUNTRY_CODES.has(country)) return LANGUAGE_TAGS[language];
  return `${language}-${country}`;
}

function split(tag: string): { language: string; region: string | undefined } {
  try {
    const l = new Intl.Locale(tag);
    return { language: l.language, region: l.region };
  } catch {
    return { language: 'es', region: undefined };
  }
}

const numberTags = new Map<string, string>();

/**
 * The tag whose separators numbers use: the region's own language first
 * (a Brazilian office writes 12.400,50 in any interface language), then the
 * interface language in that region, then the tag as given.
 */
export function numberLocale(tag: string): string {
  let chosen = numberTags.get(tag);
  if (chosen === undefined) {
    const { language, region } = split(tag);
    chosen = tag;
    if (region && /^[A-Z]{2}$/.test(region)) {
      const native = new Intl.Locale(`und-${region}`).maximize().language;
      chosen = [`${native}-${region}`, `${language}-${region}`].find(hasData) ?? tag;
    }
    numberTags.set(tag, chosen);
  }
  return chosen;
}

/**
 * Offices write times on a 24-hour clock in Spanish and Portuguese, whatever
 * ICU's regional default (es-UY and es-419 say "12:30 p. m."); English follows
 * its region. The one rule for time fields and for times shown (format.ts).
 */
export const hourCycleFor = (locale: string): 12 | 24 | undefined => (/^(es|pt)\b/.test(locale) ? 24 : undefined);

const dateTags = new Map<string, string>();

/**
 * The tag dates and times are written with: the locale itself when ICU knows
 * it; English in a country without English data (en-UY) writes international
 * English, day first and 24-hour times as Latin America does, never US month-first.
 */
export function dateLocale(tag: string): string {
  let chosen = dateTags.get(tag);
  if (chosen === undefined) {
    const { language } = split(tag);
    chosen = hasData(tag) ? tag : language === 'en' ? 'en-150' : language;
    dateTags.set(tag, chosen);
  }
  return chosen;
}

// ISO 4217 currency in everyday use per country, for the countries an office is
// likely to be in or twinned with. Anywhere else the office picks it in Settings.
const EURO = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');
const CURRENCIES: Record<string, string> = {
  AR: 'ARS',
  BO: 'BOB',
  BR: 'BRL',
  CL: 'CLP',
  CO: 'COP',
  CR: 'CRC',
  CU: 'CUP',
  DO: 'DOP',
  EC: 'USD',
  SV: 'USD',
  GT: 'GTQ',
  HN: 'HNL',
  MX: 'MXN',
  NI: 'NIO',
  PA: 'PAB',
  PY: 'PYG',
  PE: 'PEN',
  PR: 'USD',
  UY: 'UYU',
  VE: 'VES',
  US: 'USD',
  CA: 'CAD',
  GB: 'GBP',
  CH: 'CHF',
  CN: 'CNY',
  HK: 'HKD',
  MO: 'MOP',
  TW: 'TWD',
  JP: 'JPY',
  KR: 'KRW',
  IN: 'INR',
  AU: 'AUD',
  NZ: 'NZD',
  RU: 'RUB',
  ZA: 'ZAR',
  AO: 'AOA',
  MZ: 'MZN',
  CV: 'CVE',
  SG: 'SGD',
  VN: 'VND',
  TH: 'THB',
  PH: 'PHP',
  ID: 'IDR',
  MY: 'MYR',
  ...Object.fromEntries(EURO.map((c) => [c, 'EUR'])),
};

/** The currency an office in `country` keeps its books in; US dollars when the country is unknown. */
export function currencyForCountry(country: string | null | undefined): string {
  return (country && CURRENCIES[country]) || 'USD';
}

/** What Settings resolves for the office: stored choices, else derived from its own locality. */
export type OfficeRegion = { country: string | null; currency: string };
