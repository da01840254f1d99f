import { formatter } from './format.ts';
import { numberLocale } from './region.ts';

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

/** Minor units written the office's region's way with the currency's code: "USD 85.000,00" (es-UY), "USD 85,000.00" (es-MX). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const fmt = formatter(
    `money|${locale}|${currency}`,
    () => new Intl.NumberFormat(numberLocale(locale), { style: 'currency', currency, currencyDisplay: 'code' }),
  );
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
