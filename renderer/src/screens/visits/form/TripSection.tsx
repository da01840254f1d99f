import { Controller, useFormContext } from 'react-hook-form';
import { useCall } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { Field } from '../../../components/form.tsx';
import { asNumber } from '../../../components/form.tsx';
import { EnumOptions, LocalityOptions } from '../../../components/options.tsx';
import { twoScripts } from '../../../../../shared/names.ts';
import { useLocale } from '../../../i18n.ts';
import { VISIT_DIRECTIONS, VISIT_STATUSES } from '../../../../../shared/contract/visits.ts';
import type { Draft } from './draft.ts';

/** Which way, when, where and why; the place's label says which way the delegation travels. */
export function TripSection() {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const { errors } = form.formState;
  const direction = form.watch('direction');

  const localities = useCall('localities.list', { limit: 10000 });
  const agreements = useCall('agreements.list', { limit: 10000 });

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
              <DateField id="endsOn" aria-labelledby="endsOn-label" value={field.value} error={fieldState.error?.message} isRequired onBlur={field.onBlur} onChange={field.onChange} />
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="localityId"
          render={({ field, fieldState }) => (
            // Controlled, so the stored partner shows once its option has loaded.
            <Field name="localityId" label={t(`forms.place.${direction}`)} error={fieldState.error?.message}>
              <select id="localityId" ref={field.ref} value={field.value ?? ''} onBlur={field.onBlur} onChange={(e) => field.onChange(asNumber(e.target.value) ?? null)}>
                <option value="">{t('common.none')}</option>
                <LocalityOptions localities={localities.data} />
              </select>
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
          render={({ field }) => (
            <div className="field wide">
              <span className="label">{t('visits.fields.agreementIds')}</span>
              <div className="areas">
                {(agreements.data?.rows ?? []).map((a) => (
                  <label key={a.id} className="check">
                    <input
                      type="checkbox"
                      checked={field.value.includes(a.id)}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, a.id] : field.value.filter((x) => x !== a.id))}
                    />
                    {twoScripts(a.partnerName, a.partnerNativeName)}
                  </label>
                ))}
              </div>
            </div>
          )}
        />
      </div>
    </fieldset>
  );
}
