import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { COMMITMENT_KINDS, DIRECTIONS, commitmentFields, type Commitment } from '../../../../shared/contract/commitments.ts';
import { amountText } from '../../../../shared/amount.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { moneyResolver } from '../../components/money-resolver.ts';
import { useCall, useMutate } from '../../api.ts';
import { applyServerError, asNumber, Field, FormActions, FormMessage } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { areaLabel } from '../../components/labels.ts';
import { EnumOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';
import { CurrencyInput } from './CurrencyInput.tsx';
import { FormDateField } from '../../components/DateField.tsx';
import { FormRecordPicker } from '../../components/RecordPicker.tsx';

type Input = z.input<typeof commitmentFields>;
type Output = z.output<typeof commitmentFields>;
const FIELDS = ['agreementId', 'areaId', 'kind', 'direction', 'description', 'quantity', 'unit', 'value', 'currency', 'dueOn', 'notes'] as const;

function toInput(c: Commitment, locale: string): Input {
  return {
    agreementId: c.agreementId,
    areaId: c.areaId,
    kind: c.kind,
    direction: c.direction,
    description: c.description,
    quantity: c.quantity,
    unit: c.unit ?? '',
    value: c.valueMinor !== null && c.currency ? amountText(c.valueMinor, c.currency, locale) : '',
    currency: c.currency ?? '',
    dueOn: c.dueOn ?? '',
    notes: c.notes ?? '',
  };
}

export function CommitmentForm() {
  const { t, locale, currency: officeCurrency } = useLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const editingId = id ? Number(id) : null;
  const existing = useCall('commitments.get', { id: editingId ?? 0 }, { enabled: editingId !== null });
  const areas = useCall('areas.list', {});
  const create = useMutate('commitments.create');
  const update = useMutate('commitments.update');
  const [message, setMessage] = useState<string | null>(null);
  const preset = params.get('agreement');

  const form = useForm<Input, unknown, Output>({
    resolver: moneyResolver(commitmentFields, locale),
    defaultValues: {
      agreementId: preset ? Number(preset) : undefined,
      areaId: null,
      kind: 'scholarship',
      direction: 'receive',
      description: '',
      quantity: 1,
      unit: '',
      value: '',
      currency: officeCurrency ?? '',
      dueOn: '',
      notes: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const care = useFormCare(form.formState.isDirty);

  useEffect(() => {
    if (existing.data) form.reset(toInput(existing.data, locale), { keepDirtyValues: true });
  }, [existing.data, form, locale]);

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        const saved = existing.data
          ? await update.mutateAsync({ ...values, id: existing.data.id, version: existing.data.version })
          : await create.mutateAsync(values);
        care.release();
        navigate(`/commitments/${saved.id}`);
      } catch (failure) {
        setMessage(applyServerError(failure, form.setError, FIELDS));
        care.failed();
      }
    },
    () => (setMessage('errors.fixBelow'), care.failed()),
  );

  if (editingId !== null && existing.isLoading) return <p>{t('app.loading')}</p>;
  const text = (name: 'description' | 'unit', wide = false) => (
    <Field name={name} label={t(`commitments.fields.${name}`)} error={errors[name]?.message} wide={wide}>
      <input id={name} {...form.register(name)} autoComplete="off" />
    </Field>
  );
  const cancelTo = existing.data ? `/commitments/${existing.data.id}` : preset ? `/agreements/${preset}` : '/commitments';

  return (
    <section className="screen form-screen">
      <header className="screen-header">
        <h1>{existing.data ? t('commitments.edit') : t('commitments.new')}</h1>
      </header>
      <form ref={care.ref} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormMessage message={message} />
        <fieldset>
          <legend>{t('commitments.details')}</legend>
          <div className="grid">
            <FormRecordPicker
              control={form.control}
              name="agreementId"
              label={t('commitments.fields.agreementId')}
              kind="agreement"
              placeholder={t('commitments.chooseAgreement')}
              isRequired
              wide
            />
            <Field name="kind" label={t('commitments.fields.kind')} error={errors.kind?.message}>
              <select id="kind" {...form.register('kind')}>
                <EnumOptions values={COMMITMENT_KINDS} prefix="commitments.kind" />
              </select>
            </Field>
            <Field name="direction" label={t('commitments.fields.direction')} error={errors.direction?.message}>
              <select id="direction" {...form.register('direction')}>
                <EnumOptions values={DIRECTIONS} prefix="commitments.direction" />
              </select>
            </Field>
            <Field name="areaId" label={t('commitments.fields.areaId')} error={errors.areaId?.message}>
              <select id="areaId" {...form.register('areaId', { setValueAs: (v) => asNumber(v) ?? null })}>
                <option value="">{t('commitments.noArea')}</option>
                {(areas.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {areaLabel(t, a)}
                  </option>
                ))}
              </select>
            </Field>
            {text('description', true)}
            <Field name="quantity" label={t('commitments.fields.quantity')} error={errors.quantity?.message}>
              <input id="quantity" type="number" min={1} step={1} {...form.register('quantity', { setValueAs: asNumber })} />
            </Field>
            {text('unit')}
            <FormDateField control={form.control} name="dueOn" label={t('commitments.fields.dueOn')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('commitments.money')}</legend>
          <div className="grid">
            <Field name="value" label={t('commitments.fields.value')} error={errors.value?.message}>
              <Controller
                control={form.control}
                name="value"
                render={({ field }) => (
                  <MoneyInput id="value" value={field.value ?? ''} currency={form.watch('currency') ?? ''} onChange={field.onChange} onBlur={field.onBlur} />
                )}
              />
            </Field>
            <Field name="currency" label={t('commitments.fields.currency')} error={errors.currency?.message}>
              <CurrencyInput id="currency" registration={form.register('currency')} />
            </Field>
          </div>
        </fieldset>
        <Field name="notes" label={t('commitments.fields.notes')} error={errors.notes?.message} wide>
          <textarea id="notes" rows={3} {...form.register('notes')} />
        </Field>
        <FormActions onCancel={() => (care.release(), navigate(cancelTo))} submitting={isSubmitting} />
      </form>
    </section>
  );
}
