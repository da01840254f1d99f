import { dateLocale, numberLocale } from '../../../../shared/region.ts';
import { minorDigits } from '../../../../shared/money.ts';

// Excel number formats that show a number or a day the office's way (shared/format.ts,
// shared/money.ts), so a cell can hold the value a spreadsheet computes with and still read
// like the office writes it. The formats are built from the same Intl formatters' parts: the
// order, the words and the currency's place come from the office's locale; the separators are
// the reader's spreadsheet's own (a format's "," and "." mean "grouping" and "decimal").
// Days are numeric (formatDate's 'numeric' style, 01/03/2027 in Montevideo): a month's name
// in a format would be written in the reader's spreadsheet's language, not the office's.

export type FormatPiece = { code: string } | { literal: string };

/** Text shown as it is inside a format: quoted, a quote inside written as \" between quoted runs. */
export function formatLiteral(text: string): string {
  return text
    .split('"')
    .map((run) => (run ? `"${run}"` : ''))
    .join('\\"');
}

/** Codes and literal text in order, adjacent literals joined first (so `"USD"" "` never reads as an escaped quote). */
export function joinFormat(pieces: readonly FormatPiece[]): string {
  let code = '';
  let literal = '';
  for (const piece of pieces) {
    if ('literal' in piece) {
      literal += piece.literal;
      continue;
    }
    code += formatLiteral(literal) + piece.code;
    literal = '';
  }
  return code + formatLiteral(literal);
}

// Intl formatters are slow to make; a locale's pieces are made once.
const dayCache = new Map<string, FormatPiece[]>();
const moneyCache = new Map<string, FormatPiece[]>();
function memo(cache: Map<string, FormatPiece[]>, key: string, build: () => FormatPiece[]): FormatPiece[] {
  let pieces = cache.get(key);
  if (pieces === undefined) {
    pieces = build();
    cache.set(key, pieces);
  }
  return pieces;
}

/**
 * A day as formatDate(…, 'numeric') writes it in `locale`: "01/03/2027" → dd/mm/yyyy (es-UY),
 * "03/01/2027" → mm/dd/yyyy (en-US), "2027/03/01" → yyyy/mm/dd (zh-CN); `after` is text shown
 * after it (a visit's " – last day").
 */
export function dayFormat(locale: string, after = ''): string {
  return joinFormat([...memo(dayCache, locale, () => dayPieces(locale)), { literal: after }]);
}

function dayPieces(locale: string): FormatPiece[] {
  const tag = dateLocale(locale);
  // formatDate's 'numeric' options; on 1 March 2027 a one-digit day and month show whether the locale pads them.
  const fmt = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const sample = Date.UTC(2027, 2, 1);
  const codeOf = (part: Intl.DateTimeFormatPart): string | null => {
    const padded = part.value.length > 1;
    if (part.type === 'day') return padded ? 'dd' : 'd';
    if (part.type === 'month') return padded ? 'mm' : 'm';
    if (part.type === 'year') return part.value.length === 2 ? 'yy' : 'yyyy';
    return null;
  };
  return fmt.formatToParts(sample).map((part) => {
    const code = codeOf(part);
    return code === null ? { literal: part.value } : { code };
  });
}

/** An amount in major units as formatMoney writes it in `locale`: "USD 1.234,50" → "USD "#,##0.00, "1.234 JPY" → #,##0" JPY". */
export function moneyFormat(currency: string, locale: string): string {
  return joinFormat(memo(moneyCache, `${locale}|${currency}`, () => moneyPieces(currency, locale)));
}

function moneyPieces(currency: string, locale: string): FormatPiece[] {
  const digits = minorDigits(currency);
  const fmt = new Intl.NumberFormat(numberLocale(locale), { style: 'currency', currency, currencyDisplay: 'code' });
  const number = { code: `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}` };
  const pieces: FormatPiece[] = [];
  // A sample large enough to be grouped: its digits and separators become the one number code, the rest stays as written.
  for (const part of fmt.formatToParts(1234567.5)) {
    if (!['integer', 'group', 'decimal', 'fraction'].includes(part.type)) pieces.push({ literal: part.value });
    else if (!pieces.includes(number)) pieces.push(number);
  }
  return pieces;
}

/** A count as formatNumber writes it (grouped, no decimals), between the words around it. */
export const countFormat = (before: string, after: string) => joinFormat([{ literal: before }, { code: '#,##0' }, { literal: after }]);
