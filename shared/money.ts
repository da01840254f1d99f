import { formatter } from './format.ts';

// Money is stored as integer minor units plus an ISO 4217 code, so no sum is
// ever off by a rounding error and no two currencies are ever added together.

/** The currencies offered first in forms; any valid ISO 4217 code is accepted. */
export const COMMON_CURRENCIES = ['PEN', 'USD', 'CNY', 'EUR', 'JPY', 'ARS', 'BRL', 'CLP', 'COP', 'MXN', 'UYU', 'BOB', 'KRW'] as const;

const digitsCache = new Map<string, number>();

/** Whether Intl knows the code as a currency (ISO 4217, three upper-case letters). */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const known = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency');
  return known ? known.includes(code) : true;
}

/** How many digits the currency has after the point: 2 for PEN/USD/CNY, 0 for JPY/CLP/KRW. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Reads an amount as typed ("12500", "12 500,50", "12,500.50") into minor
 * units, or null when it is not a plain non-negative amount with at most the
 * currency's digits. A last `.` or `,` before one or two digits is the decimal
 * point; before three digits it groups thousands unless the other separator
 * already appears (so "1,234.567" is decimal, "12.500" is twelve thousand).
 */
export function toMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const match = /^(.*?)(?:[.,](\d{1,3}))?$/.exec(cleaned);
  let whole = cleaned;
  let fraction = '';
  if (match && match[2] !== undefined) {
    const head = match[1] ?? '';
    const sep = cleaned[cleaned.length - match[2].length - 1];
    // "12,500" and "12.500" group thousands; "12,50", "12.5" and "1,234.567" end in decimals.
    const isDecimal = match[2].length < 3 || head.includes(sep === '.' ? ',' : '.');
    if (isDecimal) {
      whole = head;
      fraction = match[2];
    }
  }
  if (fraction.length > digits) return null;
  const wholeDigits = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(wholeDigits)) return null;
  const minor = Number(wholeDigits) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back to a plain decimal string for an input ("12500.50"), without grouping. */
export function minorToPlain(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Minor units in the user's locale with the currency's symbol or code: "USD 85.000,00", "¥2,000,000". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const fmt = formatter(`money|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }));
  return fmt.format(minor / 10 ** minorDigits(currency));
}

export type MoneyTotal = { currency: string; minor: number };

/** Adds amounts per currency, never across currencies; sorted by currency code. */
export function sumByCurrency(items: Iterable<{ currency: string | null; minor: number | null }>): MoneyTotal[] {
  const totals = new Map<string, number>();
  for (const { currency, minor } of items) {
    if (currency === null || minor === null) continue;
    totals.set(currency, (totals.get(currency) ?? 0) + minor);
  }
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}
