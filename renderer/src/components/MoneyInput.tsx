import type { InputHTMLAttributes, Ref } from 'react';
import { amountText, parseAmount } from '../../../shared/amount.ts';
import { isCurrency } from '../../../shared/money.ts';
import { useLocale } from '../i18n.ts';
import { useFieldAria } from './form.tsx';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  /** The amount as typed. */
  value: string;
  /** Its currency, which decides the decimals (none for yen). */
  currency: string;
  onChange(text: string): void;
  /** For react-hook-form, which puts the cursor here when the amount is wrong. */
  ref?: Ref<HTMLInputElement>;
};

/**
 * Every money field: typed and shown the office's region's way (12.400,50 in
 * es-UY, 12,400.50 in es-MX), read by the one parser (shared/amount.ts). On
 * leaving the field an amount it can read is written out in full ("12400,5" →
 * "12.400,50"), so the clerk sees what will be saved; one it cannot read stays
 * as typed for the form's check to explain.
 */
export function MoneyInput({ value, currency, onChange, onBlur, ...rest }: Props) {
  const { locale } = useLocale();
  const aria = useFieldAria(rest.id, rest['aria-describedby']);
  const tidy = () => {
    const code = currency.trim().toUpperCase();
    if (!value.trim() || !isCurrency(code)) return;
    const read = parseAmount(value, code, locale);
    if (read.ok) {
      const text = amountText(read.minor, code, locale);
      if (text !== value) onChange(text);
    }
  };
  return (
    <input
      inputMode="decimal"
      autoComplete="off"
      {...rest}
      {...aria}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        tidy();
        onBlur?.(e);
      }}
    />
  );
}
