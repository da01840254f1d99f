import { z } from './zod-messages.ts';
import { isCurrency } from '../money.ts';
import { parseAmount, refusalMessage } from '../amount.ts';

/** An ISO 4217 code the runtime knows; typed in lower case it is upper-cased. */
export const currencyCode = z.string().trim().toUpperCase().refine(isCurrency, 'moneyErrors.currency');

/** An amount in minor units (cents, fen): a whole number, never negative. */
export const amountMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export type { MoneyTotal } from '../money.ts';

/**
 * A form's check of an amount typed in the office's locale, with the refusal
 * next to the field; the server reads the same text with the same parser.
 */
export const typedAmountRule =
  (locale: string, path: string = 'value') =>
  (m: { value?: string | null; currency?: string | null }, ctx: z.RefinementCtx) => {
    if (!m.value || !m.currency || !isCurrency(m.currency)) return;
    const read = parseAmount(m.value, m.currency, locale);
    if (!read.ok) ctx.addIssue({ code: 'custom', path: [path], message: refusalMessage(read.refusal) });
  };
