import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { parseAmount } from '../../../../../shared/amount.ts';
import { COST_PAYERS } from '../../../../../shared/contract/visits.ts';
import { COMMON_CURRENCIES, formatMoney, isCurrency, sumByCurrency } from '../../../../../shared/money.ts';
import { FieldMessage, type FieldAria } from '../../../components/form.tsx';
import { MoneyInput } from '../../../components/MoneyInput.tsx';
import { EnumOptions } from '../../../components/options.tsx';
import { useLocale } from '../../../i18n.ts';
import type { Draft } from './draft.ts';
import { useProblem } from './problems.ts';

/** Currency codes are kept upper-case whatever is typed. */
export const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v);

/** A row's amount: typed the office's way, in its row's currency (a cost's or a gift's). */
export function AmountCell(props: {
  name: `costs.${number}.amount` | `gifts.${number}.value`;
  currency: `costs.${number}.currency` | `gifts.${number}.currency`;
  label: string;
  aria: FieldAria;
}) {
  const form = useFormContext<Draft>();
  return (
    <Controller
      control={form.control}
      name={props.name}
      render={({ field }) => (
        <MoneyInput
          aria-label={props.label}
          placeholder={props.label}
          className="amount"
          ref={field.ref}
          value={field.value}
          currency={form.watch(props.currency)}
          onChange={field.onChange}
          onBlur={field.onBlur}
          {...props.aria}
        />
      )}
    />
  );
}

/** The usual currencies offered to every currency field of the form (any ISO code may be typed). */
export function CurrencyList() {
  return (
    <datalist id="currencies">
      {COMMON_CURRENCIES.map((c) => (
        <option key={c} value={c} />
      ))}
    </datalist>
  );
}

/** What the trip cost and who paid, each currency totalled apart as it is typed. */
export function CostsSection() {
  const { t, locale, currency: officeCurrency } = useLocale();
  const form = useFormContext<Draft>();
  const rows = useFieldArray({ control: form.control, name: 'costs' });
  const costs = form.watch('costs');
  const totals = sumByCurrency(
    costs.map((c) => {
      const code = c.currency.trim().toUpperCase();
      const read = isCurrency(code) ? parseAmount(c.amount, code, locale) : null;
      return { currency: code || null, minor: read?.ok ? read.minor : null };
    }),
  );
  return (
    <fieldset data-testid="costs">
      <legend>{t('visits.sections.costs')}</legend>
      <CurrencyList />
      {rows.fields.map((row, i) => (
        <CostRow key={row.id} index={i} onRemove={() => rows.remove(i)} />
      ))}
      <button type="button" onClick={() => rows.append({ item: '', amount: '', currency: costs.at(-1)?.currency ?? officeCurrency ?? '', paidBy: 'ours' })}>
        {t('visits.addCost')}
      </button>
      {totals.length ? (
        <p className="totals" data-testid="cost-totals">
          {t('visits.totals')}: {totals.map((x) => formatMoney(x.minor, x.currency, locale)).join(' · ')}
        </p>
      ) : null}
    </fieldset>
  );
}

function CostRow({ index: i, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const [item, amount, currency] = [useProblem(`costs.${i}.item`), useProblem(`costs.${i}.amount`), useProblem(`costs.${i}.currency`)];
  return (
    <div className="row-line">
      <input
        aria-label={t('visits.costItem')}
        placeholder={t('visits.costItem')}
        className="grow"
        autoComplete="off"
        {...item.aria}
        {...form.register(`costs.${i}.item`)}
      />
      <AmountCell name={`costs.${i}.amount`} currency={`costs.${i}.currency`} label={t('visits.amount')} aria={amount.aria} />
      <input
        aria-label={t('visits.currency')}
        list="currencies"
        className="currency"
        autoComplete="off"
        {...currency.aria}
        {...form.register(`costs.${i}.currency`, { setValueAs: upper })}
      />
      <select aria-label={t('visits.paidByLabel')} {...form.register(`costs.${i}.paidBy`)}>
        <EnumOptions values={COST_PAYERS} prefix="visits.paidBy" />
      </select>
      <button type="button" className="remove" aria-label={t('visits.remove')} onClick={onRemove}>
        ×
      </button>
      <FieldMessage id={item.id} message={item.message} />
      <FieldMessage id={amount.id} message={amount.message} />
      <FieldMessage id={currency.id} message={currency.message} />
    </div>
  );
}
