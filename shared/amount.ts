import { minorDigits } from './money.ts';
import { formatter } from './format.ts';
import { numberLocale } from './region.ts';
import { captured } from './narrow.ts';

// The one reader of amounts people type: every money field, the forms'
// schemas and the spreadsheet importer. It reads the office's region only —
// "12.400,50" in es-UY/pt-BR, "12,400.50" in es-MX/en-US — and refuses rather
// than guesses: "1.2.3", "1,2,3", "12.400.50" or "12,50" in en-US could each
// mean two amounts, and a wrong amount saved in silence is worse than a question.

export type AmountRefusal = {
  /** format: not written as the region writes amounts; decimals: more than the currency has; too_large: not a safe integer of minor units. */
  reason: 'format' | 'decimals' | 'negative' | 'too_large';
  /** The same amount as the region writes it, for the message: "12.400,50". */
  example: string;
  decimal: string;
  group: string;
  digits: number;
};

export type AmountResult = { ok: true; minor: number } | { ok: false; refusal: AmountRefusal };

const SPACES = ' \u00a0\u202f';

/** The region's decimal and grouping signs ("," and "." in es-UY); any space groups too. */
export function separators(locale: string): { decimal: string; group: string } {
  const parts = formatter(`parts|${locale}`, () => new Intl.NumberFormat(numberLocale(locale))) as Intl.NumberFormat;
  const list = parts.formatToParts(12345.5);
  return {
    decimal: list.find((p) => p.type === 'decimal')?.value ?? '.',
    group: list.find((p) => p.type === 'group')?.value ?? ',',
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp>();

function pattern(locale: string): RegExp {
  let re = patterns.get(locale);
  if (!re) {
    const { decimal, group } = separators(locale);
    const groups = `[${escape(SPACES + (SPACES.includes(group) ? '' : group))}]`;
    // Whole part ungrouped, or grouped by threes from the first 1–3 digits; then the decimals.
    re = new RegExp(`^(\\d+|\\d{1,3}(?:${groups}\\d{3})+)(?:${escape(decimal)}(\\d+))?$`);
    patterns.set(locale, re);
  }
  return re;
}

/** An amount in minor units as the region writes it in a field: "12.400,50", "12.400" for yen; no currency sign. */
export function amountText(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const fmt = formatter(
    `amount|${locale}|${digits}`,
    () => new Intl.NumberFormat(numberLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  );
  return fmt.format(minor / 10 ** digits);
}

/** Reads `text` as an amount of `currency` written the region's way; an empty text is the caller's business. */
export function parseAmount(text: string, currency: string, locale: string): AmountResult {
  const digits = minorDigits(currency);
  const refuse = (reason: AmountRefusal['reason']): AmountResult => ({
    ok: false,
    refusal: { reason, example: amountText(12_400 * 10 ** digits + (digits ? 5 * 10 ** (digits - 1) : 0), currency, locale), ...separators(locale), digits },
  });
  const trimmed = text.trim();
  if (/^[-−‐]/.test(trimmed)) return refuse('negative');
  const match = pattern(locale).exec(trimmed);
  if (!match) return refuse('format');
  const whole = captured(match, 1).replace(/\D/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return refuse('decimals');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? { ok: true, minor } : refuse('too_large');
}

/** The refusal as a message key with its parameters, in the `key|{json}` form every screen translates. */
export function refusalMessage(refusal: AmountRefusal): string {
  const { reason, ...params } = refusal;
  return `amountErrors.${reason}|${JSON.stringify(params)}`;
}
