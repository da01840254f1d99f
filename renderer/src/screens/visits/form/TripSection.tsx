import { Controller, useFormContext } from 'react-hook-form';
import { call } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { Field } from '../../../components/form.tsx';
import { EnumOptions } from '../../../components/options.tsx';
import { RecordMultiPicker, RecordPicker } from '../../../components/RecordPicker.tsx';
import { useLocale } from '../../../i18n.ts';
import { VISIT_DIRECTIONS, VISIT_STATUSES } from '../../../../../shared/contract/visits.ts';
import type { Draft } from './draft.ts';

/** Which way, when, where and why; the place's label says which way the delegation travels. */
export function TripSection() {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const { errors } = form.formState;
  const direction = form.watch('direction');

  /** Choosing the partner adds its agreements in force on the visit's first day (or today), keeping those already linked. */
  const choosePartner = async (localityId: number | null) => {
    form.setValue('localityId', localityId, { shouldDirty: true });
    if (localityId === null) return;
    const startsOn = form.getValues('startsOn');
    const { rows } = await call('search.pick', { kind: 'agreement', partnerId: localityId, on: startsOn || undefined, limit: 50 });
    const inForce = rows.filter((a) => a.inForce).map((a) => a.id);
    if (inForce.length) form.setValue('agreementIds', [...new Set([...form.getValues('agreementIds'), ...inForce])], { shouldDirty: true });
  };

  return (
    <fieldset>
      <legend>{t('visits.sections.trip')}</legend>
      <div className="grid">
        <Field name="direction" label={t('visits.fields.direction')} error={errors.direction?.message}>
          <select id="direction" {...form.register('direction')}>
            <EnumOptions values={VISIT_DIRECTIONS} prefix="visits.directionLong" />
          </select>
        </Field>
        <Field name="status" label={t('visits.fields.status')} error={errors.status?.message}>
          <select id="status" {...form.register('status')}>
            <EnumOptions values={VISIT_STATUSES} prefix="visits.status" />
          </select>
        </Field>
        <Controller
          control={form.control}
          name="startsOn"
          render={({ field, fieldState }) => (
            <Field name="startsOn" label={t('visits.fields.startsOn')} group>
              <DateField
                id="startsOn"
                aria-labelledby="startsOn-label"
                value={field.value}
                error={fieldState.error?.message}
                isRequired
                onBlur={field.onBlur}
                onChange={(startsOn) => {
                  // The last day follows the first while they are the same (most visits are one day; the year is
                  // typed digit by digit), and stays once it was set apart.
                  const endsOn = form.getValues('endsOn');
                  if (!endsOn || endsOn === field.value) form.setValue('endsOn', startsOn, { shouldDirty: true });
                  field.onChange(startsOn);
                }}
              />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="endsOn"
          render={({ field, fieldState }) => (
            <Field name="endsOn" label={t('visits.fields.endsOn')} group>
              <DateField
                id="endsOn"
                aria-labelledby="endsOn-label"
                value={field.value}
                error={fieldState.error?.message}
                isRequired
                onBlur={field.onBlur}
                onChange={field.onChange}
              />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="localityId"
          render={({ field, fieldState }) => (
            <Field name="localityId" label={t(`forms.place.${direction}`)} group>
              <RecordPicker
                kind="locality"
                id="localityId"
                aria-labelledby="localityId-label"
                value={field.value}
                error={fieldState.error?.message}
                inputRef={field.ref}
                onBlur={field.onBlur}
                onChange={(id) => void choosePartner(id)}
              />
            </Field>
          )}
        />
        <Field name="venue" label={t(direction === 'inbound' ? 'forms.place.venueInbound' : 'forms.place.venueOutbound')} error={errors.venue?.message}>
          <input id="venue" autoComplete="off" {...form.register('venue')} />
        </Field>
        <Field name="purpose" label={t('visits.fields.purpose')} error={errors.purpose?.message} wide>
          <input id="purpose" autoComplete="off" {...form.register('purpose')} />
        </Field>
        <Controller
          control={form.control}
          name="agreementIds"
          render={({ field, fieldState }) => (
            <Field name="agreementIds" label={t('visits.fields.agreementIds')} wide group>
              <RecordMultiPicker
                kind="agreement"
                id="agreementIds"
                aria-labelledby="agreementIds-label"
                value={field.value}
                error={fieldState.error?.message}
                onChange={field.onChange}
              />
            </Field>
          )}
        />
      </div>
    </fieldset>
  );
}
