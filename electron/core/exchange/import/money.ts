import { amountText, parseAmount, refusalMessage } from '../../../../shared/amount.ts';
import { isCurrency, minorDigits } from '../../../../shared/money.ts';
import { foldText } from '../../../../shared/text/search-key.ts';
import { problem, type RowProblem } from './entity.ts';
import { text, type Cell } from './values.ts';

/** '$' alone is dollars in one office and pesos in the next: it needs a currency column. */
const AMBIGUOUS = 'ambiguous';

// Longest first, so "US$" is not read as "$" and "S/." not as "S/".
const SYMBOLS: [string, string][] = [
  ['US$', 'USD'],
  ['U$S', 'USD'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['S/.', 'PEN'],
  ['R$', 'BRL'],
  ['S/', 'PEN'],
  ['RMB', 'CNY'],
  ['¥', 'CNY'],
  ['￥', 'CNY'],
  ['元', 'CNY'],
  ['円', 'JPY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₩', 'KRW'],
  ['$', AMBIGUOUS],
];

/** Currency names as a currency column spells them, in the three languages. */
const NAMES: Record<string, string> = {
  dolar: 'USD',
  dolares: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  'dolares americanos': 'USD',
  'dolares estadounidenses': 'USD',
  sol: 'PEN',
  soles: 'PEN',
  'nuevos soles': 'PEN',
  yuan: 'CNY',
  yuanes: 'CNY',
  renminbi: 'CNY',
  rmb: 'CNY',
  euro: 'EUR',
  euros: 'EUR',
  real: 'BRL',
  reais: 'BRL',
  reales: 'BRL',
  yen: 'JPY',
  yenes: 'JPY',
  ienes: 'JPY',
  iene: 'JPY',
  won: 'KRW',
  ...Object.fromEntries(SYMBOLS),
};

/** The ISO 4217 code a currency cell gives: a code, a symbol or a name; null when it names none. */
export function currencyFromText(s: string): string | null {
  const code = s.trim().toUpperCase();
  if (isCurrency(code)) return code;
  return NAMES[foldText(s)] ?? NAMES[s.trim()] ?? null;
}

/** An amount cell split into the number as typed and the currency written beside it ("USD 1.500,00", "¥20000", "1500 soles"). */
function splitAmount(s: string): { amount: string; currency: string | null } {
  const before = /^(?<c>[A-Za-z]{3})\s*(?<amount>.+)$/.exec(s)?.groups;
  const after = /^(?<amount>.+?)\s*(?<c>[A-Za-z]{3})$/.exec(s)?.groups;
  const coded = before ?? after;
  if (coded?.c && coded.amount) {
    const currency = currencyFromText(coded.c);
    if (currency) return { amount: coded.amount, currency };
  }
  for (const [symbol, currency] of SYMBOLS) {
    if (s.startsWith(symbol)) return { amount: s.slice(symbol.length).trim(), currency };
    if (s.endsWith(symbol)) return { amount: s.slice(0, -symbol.length).trim(), currency };
  }
  const word = /^(?<amount>.+?)\s+(?<name>\p{L}+)$/u.exec(s)?.groups;
  const named = word?.name ? NAMES[foldText(word.name)] : undefined;
  if (word?.amount && named) return { amount: word.amount, currency: named };
  return { amount: s, currency: null };
}

/**
 * Value and currency as the contract takes them: the amount written the office's
 * region's way, read here by the one parser (shared/amount.ts) so a refusal is
 * reported on its row, and read again the same way when the row is saved. The
 * currency comes from the amount's own symbol or code, or from a currency column;
 * the two must agree.
 */
export function parseMoney(valueCell: Cell, currencyCell: Cell, problems: RowProblem[], locale: string): { value: string | null; currency: string | null } {
  const columnText = text(currencyCell);
  const column = columnText ? currencyFromText(columnText) : null;
  if (columnText && (column === null || column === AMBIGUOUS)) problems.push(problem('currency', 'import.errors.currency', { value: columnText }));
  const fromColumn = column === AMBIGUOUS ? null : column;

  if (valueCell === null || text(valueCell) === '') return { value: null, currency: fromColumn };
  // A number cell is already a number; written plainly it needs no guessing about separators.
  if (typeof valueCell === 'number') {
    if (!Number.isFinite(valueCell) || valueCell < 0) {
      problems.push(problem('value', 'import.errors.amount', { value: String(valueCell) }));
      return { value: null, currency: fromColumn };
    }
    if (!fromColumn) return { value: String(valueCell), currency: fromColumn };
    // A cell holding 1500.1 is stored as 1500.0999999…: rounded to the currency's own decimals, and refused
    // if that loses more than float noise (a cell of 10.5 yen).
    const scaled = valueCell * 10 ** minorDigits(fromColumn);
    const minor = Math.round(scaled);
    if (Math.abs(scaled - minor) > 1e-6 || !Number.isSafeInteger(minor)) {
      problems.push(problem('value', 'import.errors.amount', { value: String(valueCell) }));
      return { value: null, currency: fromColumn };
    }
    return { value: amountText(minor, fromColumn, locale), currency: fromColumn };
  }
  const typed = text(valueCell);
  const { amount, currency } = splitAmount(typed);
  if (!/^\d[\d\s.,'\u00a0\u202f]*$/.test(amount)) {
    problems.push(problem('value', 'import.errors.amount', { value: typed }));
    return { value: null, currency: fromColumn };
  }
  if (currency && currency !== AMBIGUOUS && fromColumn && currency !== fromColumn) {
    problems.push(problem('currency', 'import.errors.currencyConflict', { amount: currency, column: fromColumn }));
  }
  const chosen = currency && currency !== AMBIGUOUS ? currency : fromColumn;
  if (!chosen && !columnText) problems.push(problem('currency', 'import.errors.currencyNeeded', { value: typed }));
  if (!chosen || !isCurrency(chosen)) return { value: amount, currency: chosen };
  const read = parseAmount(amount, chosen, locale);
  if (!read.ok) {
    problems.push(problem('value', refusalMessage(read.refusal)));
    return { value: null, currency: chosen };
  }
  return { value: amountText(read.minor, chosen, locale), currency: chosen };
}
