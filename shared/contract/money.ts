import { z } from './zod-messages.ts';
import { isCurrency } from '../money.ts';

/** An ISO 4217 code the runtime knows; typed in lower case it is upper-cased. */
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrency, 'moneyErrors.currency');

/** An amount in minor units (cents, fen): a whole number, never negative. */
export const amountMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export type { MoneyTotal } from '../money.ts';
