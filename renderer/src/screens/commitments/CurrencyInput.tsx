import type { UseFormRegisterReturn } from 'react-hook-form';
import { COMMON_CURRENCIES } from '../../../../shared/money.ts';
import { useLocale } from '../../i18n.ts';
import { useFieldAria } from '../../components/form.tsx';

/** Any ISO 4217 code may be typed; the usual ones are offered. */
export function CurrencyInput({ id, registration }: { id: string; registration: UseFormRegisterReturn }) {
  const { locale } = useLocale();
  const aria = useFieldAria(id);
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return (
    <>
      <input id={id} list={`${id}-list`} autoComplete="off" maxLength={3} style={{ textTransform: 'uppercase' }} {...registration} {...aria} />
      <datalist id={`${id}-list`}>
        {COMMON_CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {names.of(c)}
          </option>
        ))}
      </datalist>
    </>
  );
}
