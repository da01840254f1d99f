import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { localIsoDate } from '../../../../shared/dates.ts';
import { deliveryFields, type Commitment, type Delivery } from '../../../../shared/contract/commitments.ts';
import { AppFailure, splitMessage } from '../../../../shared/contract/result.ts';
import { amountText } from '../../../../shared/amount.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { moneyResolver } from '../../components/money-resolver.ts';
import { useMutate } from '../../api.ts';
import { applyServerError, asNumber, Field, FormActions, FormMessage } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { useLocale } from '../../i18n.ts';
import { CurrencyInput } from './CurrencyInput.tsx';
import { FormDateField } from '../../components/DateField.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';

type Input = z.input<typeof deliveryFields>;
type Output = z.output<typeof deliveryFields>;
const FIELDS = ['deliveredOn', 'quantity', 'value', 'currency', 'notes', 'beneficiaries'] as const;
const PERSON_FIELDS = ['name', 'nativeName', 'school', 'tutor', 'period', 'destination'] as const;
const blankPerson = { name: '', nativeName: '', school: '', tutor: '', period: '', destination: '' };
const OVER = 'commitmentsErrors.over_delivery';

// A new delivery offers the commitment's currency (else the office's) for when a value is typed;
// with no value it is sent as no money, so nothing pre-filled can stop the save.
function toInput(commitment: Commitment, d: Delivery | null, locale: string, officeCurrency: string | null): Input {
  if (!d) {
    const left = Math.max(0, commitment.quantity - commitment.delivered);
    return {
      commitmentId: commitment.id,
      deliveredOn: localIsoDate(new Date()),
      quantity: left || 1,
      value: '',
      currency: commitment.currency ?? officeCurrency ?? '',
      notes: '',
      beneficiaries: [],
      confirmOverDelivery: false,
    };
  }
  return {
    commitmentId: commitment.id,
    deliveredOn: d.deliveredOn,
    quantity: d.quantity,
    value: d.valueMinor !== null && d.currency ? amountText(d.valueMinor, d.currency, locale) : '',
    currency: d.currency ?? '',
    notes: d.notes ?? '',
    beneficiaries: d.beneficiaries.map((b) => ({ ...blankPerson, ...Object.fromEntries(PERSON_FIELDS.map((f) => [f, b[f] ?? ''])) })),
    confirmOverDelivery: d.overDeliveryConfirmed,
  };
}

/** Records or edits one delivery with its beneficiaries; an over-delivery is asked about, then sent confirmed. */
export function DeliveryForm({ commitment, delivery, onDone }: { commitment: Commitment; delivery: Delivery | null; onDone: () => void }) {
  const { t, locale, currency: officeCurrency } = useLocale();
  const confirm = useConfirm();
  const add = useMutate('commitments.addDelivery');
  const update = useMutate('commitments.updateDelivery');
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: moneyResolver(deliveryFields, locale),
    defaultValues: toInput(commitment, delivery, locale, officeCurrency),
  });
  const people = useFieldArray({ control: form.control, name: 'beneficiaries' });
  const { errors, isSubmitting } = form.formState;
  const care = useFormCare(form.formState.isDirty);

  const send = (values: Output) => (delivery ? update.mutateAsync({ ...values, id: delivery.id, version: delivery.version }) : add.mutateAsync(values));

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        await send(values);
        care.release();
        onDone();
      } catch (failure) {
        const error = failure instanceof AppFailure ? failure.error : undefined;
        if (error?.kind === 'conflict' && splitMessage(error.message).key === OVER) {
          const { params } = splitMessage(error.message);
          if (await confirm({ title: t('commitments.overDeliveryConfirm', params as Record<string, string>), action: t('confirm.recordDeliveryAnyway') })) {
            try {
              await send({ ...values, confirmOverDelivery: true });
              care.release();
              return onDone();
            } catch (again) {
              care.failed();
              return setMessage(applyServerError(again, form.setError, FIELDS));
            }
          }
          return setMessage(error.message);
        }
        setMessage(applyServerError(failure, form.setError, FIELDS));
        care.failed();
      }
    },
    () => (setMessage('errors.fixBelow'), care.failed()),
  );

  const personError = (i: number, f: (typeof PERSON_FIELDS)[number]) => errors.beneficiaries?.[i]?.[f]?.message;

  return (
    <form
      ref={care.ref}
      className="form panel delivery-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={delivery ? t('commitments.editDelivery') : t('commitments.addDelivery')}
    >
      <h2>{delivery ? t('commitments.editDelivery') : t('commitments.addDelivery')}</h2>
      <FormMessage message={message} />
      <div className="grid">
        <FormDateField control={form.control} name="deliveredOn" label={t('commitments.fields.deliveredOn')} isRequired />
        <Field
          name="deliveryQuantity"
          label={commitment.unit ? `${t('commitments.fields.quantity')} (${commitment.unit})` : t('commitments.fields.quantity')}
          error={errors.quantity?.message}
        >
          <input id="deliveryQuantity" type="number" min={0} step={1} {...form.register('quantity', { setValueAs: asNumber })} />
        </Field>
        <Field name="deliveryValue" label={t('commitments.fields.value')} error={errors.value?.message}>
          <Controller
            control={form.control}
            name="value"
            render={({ field }) => (
              <MoneyInput
                id="deliveryValue"
                value={field.value ?? ''}
                currency={form.watch('currency') ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          />
        </Field>
        <Field name="deliveryCurrency" label={t('commitments.fields.currency')} error={errors.currency?.message}>
          <CurrencyInput id="deliveryCurrency" registration={form.register('currency')} />
        </Field>
        <Field name="deliveryNotes" label={t('commitments.fields.notes')} error={errors.notes?.message} wide>
          <textarea id="deliveryNotes" rows={2} {...form.register('notes')} />
        </Field>
      </div>
      <fieldset>
        <legend>{t('commitments.beneficiaries')}</legend>
        {people.fields.map((field, i) => (
          <div className="beneficiary" key={field.id} data-testid="beneficiary">
            <div className="beneficiary-head">
              <span>{t('commitments.beneficiaryN', { n: i + 1 })}</span>
              <button type="button" onClick={() => people.remove(i)}>
                {t('commitments.removeBeneficiary')}
              </button>
            </div>
            <div className="grid">
              {PERSON_FIELDS.map((f) => (
                <Field key={f} name={`b${i}-${f}`} label={t(`commitments.fields.${f}`)} error={personError(i, f)}>
                  <input id={`b${i}-${f}`} autoComplete="off" {...form.register(`beneficiaries.${i}.${f}`)} />
                </Field>
              ))}
            </div>
          </div>
        ))}
        <button type="button" onClick={() => people.append({ ...blankPerson })}>
          {t('commitments.addBeneficiary')}
        </button>
      </fieldset>
      <FormActions onCancel={onDone} submitting={isSubmitting} />
    </form>
  );
}
