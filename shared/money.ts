// Money is an integer count of the currency's minor units plus its ISO 4217
// code. Amounts in different currencies are never added together.

const digitsCache = new Map<string, number>();

let knownCurrencies: Set<string> | null = null;
/** ISO 4217 codes this runtime knows (Intl's list), so a typo like "USS" is refused. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** How many decimals the currency has: 2 for PEN and CNY, 0 for JPY and CLP, 3 for KWD. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "S/ 1.234,50", "CN¥1,234.50": the locale decides symbols and separators. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' });
    formatters.set(key, fmt);
  }
  return fmt.format(amountMinor / 10 ** minorDigits(currency));
}

/** The amount as typed in a form field, in the locale's style, without the currency. */
export function formatAmount(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(
    amountMinor / 10 ** digits,
  );
}

function localeDecimal(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

export type ParsedAmount = { ok: true; amountMinor: number } | { ok: false; error: 'moneyErrors.amount' | 'moneyErrors.amount_decimals' };

/**
 * Reads a typed amount into minor units exactly (no floating point). People
 * type "1.234,50", "1,234.50", "1234.5" or "1 234,50" whatever their locale, so:
 * with both '.' and ',' the last one is the decimal point; one kind repeated is
 * grouping; a single one is the locale's decimal point, or grouping when three
 * digits follow it and it is not the locale's decimal point.
 */
export function parseAmount(text: string, currency: string, locale: string): ParsedAmount {
  const digits = minorDigits(currency);
  const s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, error: 'moneyErrors.amount' };
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimal: string | null = null;
  if (dots && commas) decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const after = s.length - s.indexOf(sep) - 1;
    decimal = sep === localeDecimal(locale) || after !== 3 ? sep : null;
  }
  const at = decimal ? s.lastIndexOf(decimal) : s.length;
  const whole = s.slice(0, at).replace(/[.,]/g, '') || (decimal ? '0' : '');
  const fraction = decimal ? s.slice(at + 1) : '';
  if (decimal && s.slice(0, at).includes(decimal)) return { ok: false, error: 'moneyErrors.amount' };
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return { ok: false, error: 'moneyErrors.amount' };
  if (fraction.length > digits) return { ok: false, error: 'moneyErrors.amount_decimals' };
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'moneyErrors.amount' };
  return { ok: true, amountMinor: minor };
}

export type MoneyTotal = { currency: string; amountMinor: number };

/** One total per currency, sorted by code; lines without an amount are skipped. */
export function totalsByCurrency(lines: readonly { amountMinor: number | null; currency: string | null }[]): MoneyTotal[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (line.amountMinor === null || !line.currency) continue;
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amountMinor);
  }
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
