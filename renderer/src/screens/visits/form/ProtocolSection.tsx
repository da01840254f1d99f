import { useFieldArray, useFormContext } from 'react-hook-form';
import { GIFT_DIRECTIONS } from '../../../../../shared/contract/visits.ts';
import { Field, FieldMessage } from '../../../components/form.tsx';
import { EnumOptions } from '../../../components/options.tsx';
import { useLocale } from '../../../i18n.ts';
import type { Draft } from './draft.ts';
import { useProblem } from './problems.ts';
import { AmountCell, upper } from './CostsSection.tsx';

/** Gifts given and received (a new one given on a trip, received on a reception), and the protocol notes. */
export function ProtocolSection() {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const rows = useFieldArray({ control: form.control, name: 'gifts' });
  const { errors } = form.formState;
  return (
    <fieldset data-testid="protocol">
      <legend>{t('visits.sections.protocol')}</legend>
      {rows.fields.map((row, i) => (
        <GiftRow key={row.id} index={i} onRemove={() => rows.remove(i)} />
      ))}
      <button
        type="button"
        onClick={() =>
          rows.append({ direction: form.getValues('direction') === 'outbound' ? 'given' : 'received', what: '', counterpart: '', value: '', currency: '' })
        }
      >
        {t('visits.addGift')}
      </button>
      <div className="grid protocol-notes">
        <Field name="dietaryNotes" label={t('visits.fields.dietaryNotes')} error={errors.dietaryNotes?.message}>
          <textarea id="dietaryNotes" rows={2} {...form.register('dietaryNotes')} />
        </Field>
        <Field name="interpreterNotes" label={t('visits.fields.interpreterNotes')} error={errors.interpreterNotes?.message}>
          <textarea id="interpreterNotes" rows={2} {...form.register('interpreterNotes')} />
        </Field>
        <Field name="notes" label={t('visits.fields.notes')} error={errors.notes?.message} wide>
          <textarea id="notes" rows={3} {...form.register('notes')} />
        </Field>
      </div>
    </fieldset>
  );
}

function GiftRow({ index: i, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const [what, value, currency] = [useProblem(`gifts.${i}.what`), useProblem(`gifts.${i}.value`), useProblem(`gifts.${i}.currency`)];
  return (
    <div className="row-line">
      <select aria-label={t('visits.giftDirectionLabel')} {...form.register(`gifts.${i}.direction`)}>
        <EnumOptions values={GIFT_DIRECTIONS} prefix="visits.giftDirection" />
      </select>
      <input
        aria-label={t('visits.giftWhat')}
        placeholder={t('visits.giftWhat')}
        className="grow"
        autoComplete="off"
        {...what.aria}
        {...form.register(`gifts.${i}.what`)}
      />
      <input
        aria-label={t('visits.giftCounterpart')}
        placeholder={t('visits.giftCounterpart')}
        autoComplete="off"
        {...form.register(`gifts.${i}.counterpart`)}
      />
      <AmountCell name={`gifts.${i}.value`} currency={`gifts.${i}.currency`} label={t('visits.giftValue')} aria={value.aria} />
      <input
        aria-label={t('visits.currency')}
        list="currencies"
        className="currency"
        autoComplete="off"
        {...currency.aria}
        {...form.register(`gifts.${i}.currency`, { setValueAs: upper })}
      />
      <button type="button" className="remove" aria-label={t('visits.remove')} onClick={onRemove}>
        ×
      </button>
      <FieldMessage id={what.id} message={what.message} />
      <FieldMessage id={value.id} message={value.message} />
      <FieldMessage id={currency.id} message={currency.message} />
    </div>
  );
}
