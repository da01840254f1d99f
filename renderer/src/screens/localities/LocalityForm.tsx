import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { LOCALITY_LEVELS, localityFields, type Locality } from '../../../../shared/contract/localities.ts';
import { useCall, useMutate } from '../../api.ts';
import { applyServerError, asNumber, Field, FormMessage } from '../../components/form.tsx';
import { SimilarLocalities } from '../../components/duplicates.tsx';
import { CountryOptions, EnumOptions, LocalityOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';
import { nativeLang } from '../../../../shared/names.ts';

type Input = z.input<typeof localityFields>;
type Output = z.output<typeof localityFields>;
const FIELDS = Object.keys(localityFields.shape);

/** Creates or edits a locality; used on its own screen and inside the agreement form. */
export function LocalityForm(props: {
  locality?: Locality;
  onSaved(l: Locality): void;
  onCancel: () => void;
  idPrefix?: string;
  /** Offered beside a duplicate warning when the form sits inside another (a new partner). */
  onChooseExisting?: (l: Locality) => void;
}) {
  const { t } = useLocale();
  const parents = useCall('localities.list', { limit: 10000 });
  const create = useMutate('localities.create');
  const update = useMutate('localities.update');
  const [message, setMessage] = useState<string | null>(null);
  const p = props.idPrefix ?? 'locality';
  const existing = props.locality;

  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(localityFields),
    defaultValues: existing
      ? { name: existing.name, nativeName: existing.nativeName ?? '', country: existing.country, level: existing.level, parentId: existing.parentId }
      : { name: '', nativeName: '', country: '', level: 'city', parentId: null },
  });
  const { errors, isSubmitting } = form.formState;
  const [name, nativeName, country] = form.watch(['name', 'nativeName', 'country']);

  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = existing
        ? await update.mutateAsync({ ...values, id: existing.id, version: existing.version })
        : await create.mutateAsync(values);
      props.onSaved(saved);
    } catch (failure) {
      setMessage(applyServerError(failure as never, form.setError, FIELDS));
    }
  });

  // The parent <select> must have its options before the stored value can show in it.
  if (!parents.data) return <p>{t('app.loading')}</p>;

  return (
    <form className="form locality-form" onSubmit={(e) => { e.stopPropagation(); void submit(e); }} noValidate>
      <FormMessage message={message} />
      <div className="grid">
        <Field name={`${p}-name`} label={t('fields.name')} error={errors.name?.message}>
          <input id={`${p}-name`} {...form.register('name')} autoComplete="off" />
        </Field>
        <Field name={`${p}-nativeName`} label={t('fields.nativeName')} error={errors.nativeName?.message}>
          <input id={`${p}-nativeName`} {...form.register('nativeName')} lang={nativeLang(nativeName ?? '', country) ?? undefined} autoComplete="off" placeholder="上海市" />
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
        <Field name={`${p}-parentId`} label={t('fields.parentId')} error={errors.parentId?.message}>
          <select id={`${p}-parentId`} {...form.register('parentId', { setValueAs: (v) => asNumber(v) ?? null })}>
            <option value="">{t('localities.noParent')}</option>
            <LocalityOptions localities={parents.data} excludeId={existing?.id} />
          </select>
        </Field>
      </div>
      <SimilarLocalities name={name ?? ''} nativeName={nativeName ?? ''} country={country ?? ''} excludeId={existing?.id} onChoose={props.onChooseExisting} />
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
