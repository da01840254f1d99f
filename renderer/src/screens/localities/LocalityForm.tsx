import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { LOCALITY_LEVELS, localityCreate, localityFields, type Locality } from '../../../../shared/contract/localities.ts';
import { coordinateText, parseCoordinate } from '../../../../shared/coordinates.ts';
import { CoordinateFields } from './CoordinateFields.tsx';
import { useMutate } from '../../api.ts';
import { applyServerError, Field, FormMessage } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { SimilarLocalities } from '../../components/duplicates.tsx';
import { CountryOptions, EnumOptions } from '../../components/options.tsx';
import { FormRecordPicker } from '../../components/RecordPicker.tsx';
import { useLocale } from '../../i18n.ts';
import { nativeLang } from '../../../../shared/names.ts';

type Input = Omit<z.input<typeof localityFields>, 'latitude' | 'longitude'> & { latitude: string; longitude: string };
type Output = z.output<typeof localityFields>;
const FIELDS = Object.keys(localityFields.shape);

/** The contract's schema, with the coordinates read first as the office types them; each refusal stays on its field. */
function localityResolver(locale: string): Resolver<Input, unknown, Output> {
  const inner = zodResolver(localityCreate) as unknown as Resolver<z.input<typeof localityCreate>, unknown, Output>;
  return async (values, context, options) => {
    const latitude = parseCoordinate(values.latitude ?? '', 'latitude', locale);
    const longitude = parseCoordinate(values.longitude ?? '', 'longitude', locale);
    const result = await inner(
      { ...values, latitude: latitude.ok ? latitude.value : null, longitude: longitude.ok ? longitude.value : null },
      context,
      options as never,
    );
    const errors = { ...result.errors } as FieldErrors<Input>;
    if (!latitude.ok) errors.latitude = { type: 'format', message: latitude.message };
    if (!longitude.ok) errors.longitude = { type: 'format', message: longitude.message };
    return Object.keys(errors).length ? { values: {}, errors } : { values: result.values as Output, errors: {} };
  };
}

/** Creates or edits a locality; used on its own screen and inside the agreement form. */
export function LocalityForm(props: {
  locality?: Locality;
  /** A new locality's name as already typed elsewhere (a picker's "New: «…»"). */
  name?: string;
  onSaved(l: Locality): void;
  onCancel: () => void;
  idPrefix?: string;
  /** Offered beside a duplicate warning when the form sits inside another (a new partner). */
  onChooseExisting?: (l: Locality) => void;
}) {
  const { t, locale } = useLocale();
  const create = useMutate('localities.create');
  const update = useMutate('localities.update');
  const [message, setMessage] = useState<string | null>(null);
  const p = props.idPrefix ?? 'locality';
  const existing = props.locality;

  const form = useForm<Input, unknown, Output>({
    resolver: localityResolver(locale),
    defaultValues: existing
      ? {
          name: existing.name,
          nativeName: existing.nativeName ?? '',
          country: existing.country,
          level: existing.level,
          parentId: existing.parentId,
          latitude: existing.latitude === null ? '' : coordinateText(existing.latitude, locale),
          longitude: existing.longitude === null ? '' : coordinateText(existing.longitude, locale),
        }
      : { name: props.name ?? '', nativeName: '', country: '', level: 'city', parentId: null, latitude: '', longitude: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const care = useFormCare(form.formState.isDirty);
  const [name, nativeName, country, level] = form.watch(['name', 'nativeName', 'country', 'level']);

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        const saved = existing ? await update.mutateAsync({ ...values, id: existing.id, version: existing.version }) : await create.mutateAsync(values);
        care.release();
        props.onSaved(saved);
      } catch (failure) {
        setMessage(applyServerError(failure, form.setError, FIELDS));
        care.failed();
      }
    },
    () => (setMessage('errors.fixBelow'), care.failed()),
  );

  return (
    <form
      ref={care.ref}
      className="form locality-form"
      onSubmit={(e) => {
        e.stopPropagation();
        void submit(e);
      }}
      noValidate
    >
      <FormMessage message={message} />
      <div className="grid">
        <Field name={`${p}-name`} label={t('fields.name')} error={errors.name?.message}>
          <input id={`${p}-name`} {...form.register('name')} autoComplete="off" />
        </Field>
        <Field name={`${p}-nativeName`} label={t('fields.nativeName')} error={errors.nativeName?.message}>
          <input
            id={`${p}-nativeName`}
            {...form.register('nativeName')}
            lang={nativeLang(nativeName ?? '', country) ?? undefined}
            autoComplete="off"
            placeholder="上海市"
          />
        </Field>
        <Field name={`${p}-country`} label={t('fields.country')} error={errors.country?.message}>
          <select id={`${p}-country`} {...form.register('country')}>
            <option value="">{t('localities.chooseCountry')}</option>
            <CountryOptions />
          </select>
        </Field>
        <Field name={`${p}-level`} label={t('fields.level')} error={errors.level?.message}>
          <select id={`${p}-level`} {...form.register('level')}>
            <EnumOptions values={LOCALITY_LEVELS} prefix="level" />
          </select>
        </Field>
        <FormRecordPicker
          control={form.control}
          name="parentId"
          id={`${p}-parentId`}
          label={t('fields.parentId')}
          kind="locality"
          placeholder={t('localities.noParent')}
          excludeIds={existing ? [existing.id] : undefined}
        />
        <CoordinateFields form={form} idPrefix={p} query={{ name: name ?? '', nativeName: nativeName ?? '', country: country ?? '', level: level ?? 'city' }} />
      </div>
      <SimilarLocalities name={name ?? ''} nativeName={nativeName ?? ''} country={country ?? ''} excludeId={existing?.id} onChoose={props.onChooseExisting} />
      <div className="actions">
        <button type="button" onClick={() => (care.release(), props.onCancel())}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
