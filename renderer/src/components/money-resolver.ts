import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { typedAmountRule } from '../../../shared/contract/money.ts';

/**
 * A form with an amount and its currency: the contract's schema, plus the amount
 * read in the office's locale by the one parser, next to its field. A currency
 * with no amount is a default the form offered, not half a value: it is sent as
 * no money, so a pre-filled currency never stops a save.
 */
export function moneyResolver<
  I extends FieldValues & { value?: string | null; currency?: string | null },
  O extends { value: string | null; currency: string | null },
>(schema: z.ZodType<O, I>, locale: string): Resolver<I, unknown, O> {
  const inner = zodResolver(schema.superRefine(typedAmountRule(locale)));
  return (values, context, options) => inner((values.value ?? '').trim() ? values : { ...values, currency: '' }, context, options);
}
