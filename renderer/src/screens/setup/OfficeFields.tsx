import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { LANGUAGES, type Language } from '../../../../shared/contract/settings.ts';
import type { setupComplete, SetupInput } from '../../../../shared/contract/setup.ts';
import type { z } from 'zod';
import { useCall } from '../../api.ts';
import { Field } from '../../components/form.tsx';
import { CountryOptions } from '../../components/options.tsx';
import { FormRecordPicker } from '../../components/RecordPicker.tsx';
import { useLocale } from '../../i18n.ts';

export const LANGUAGE_NAMES: Record<Language, string> = { es: 'Español', pt: 'Português', en: 'English' };
/** Fields of the set-up the server checks; its issues are shown next to them. */
export const SETUP_FIELDS = [
  'officeName',
  'ownLocalityId',
  'cityName',
  'cityNativeName',
  'cityCountry',
  'userName',
  'language',
  'country',
  'currency',
  'staff',
] as const;

export type SetupForm = UseFormReturn<SetupInput, unknown, z.output<typeof setupComplete>>;

/** The country of a locality known by id (the own city's, which the region follows), asked for that one row only. */
export function useLocalityCountry(id: number | null | undefined): string | null {
  const found = useCall('search.pick', { kind: 'locality', ids: id ? [id] : [] }, { enabled: !!id });
  return (id ? found.data?.rows.find((r) => r.id === id)?.code : null) ?? null;
}

/**
 * The office's name, its own city (searched among the places the file knows, or a new one typed
 * here: created when the form is saved), the user's name and the app's language. The set-up and
 * Settings' "Office" section share them.
 */
export function OfficeFields({ form, onLanguage }: { form: SetupForm; onLanguage?: (l: Language) => void }) {
  const { t } = useLocale();
  const errors: FieldErrors<SetupInput> = form.formState.errors;
  const chosen = form.watch('ownLocalityId');
  // Whether the file knows any place at all (one row asked, not the table): with none, the city can only be typed.
  const any = useCall('search.pick', { kind: 'locality', limit: 1 });
  const known = (any.data?.total ?? 0) > 0 || !!chosen;
  const typing = chosen === null || chosen === undefined;
  const newCity = (text: string) => {
    form.setValue('ownLocalityId', null, { shouldDirty: true });
    form.setValue('cityName', text, { shouldDirty: true });
    // The name is typed already: what is left is the country.
    setTimeout(() => form.setFocus('cityCountry'));
  };
  return (
    <div className="grid">
      <Field name="officeName" label={t('fields.officeName')} error={errors.officeName?.message} wide>
        <input
          id="officeName"
          {...form.register('officeName')}
          aria-invalid={!!errors.officeName}
          aria-describedby={errors.officeName ? 'officeName-error' : undefined}
        />
      </Field>
      {known ? (
        <FormRecordPicker
          control={form.control}
          name="ownLocalityId"
          label={t('fields.ownLocalityId')}
          kind="locality"
          placeholder={t('firstrun.office.cityPlaceholder')}
          onCreate={newCity}
          createLabel={(text) => t('firstrun.office.createCity', { text })}
        />
      ) : null}
      {typing ? (
        <fieldset className="wide inline-city" data-testid="new-city">
          <legend>{known ? t('firstrun.office.newCityLegend') : t('fields.ownLocalityId')}</legend>
          <div className="grid">
            <Field name="cityName" label={t('firstrun.office.cityName')} error={errors.cityName?.message}>
              <input
                id="cityName"
                {...form.register('cityName')}
                aria-invalid={!!errors.cityName}
                aria-describedby={errors.cityName ? 'cityName-error' : undefined}
              />
            </Field>
            <Field name="cityNativeName" label={t('firstrun.office.cityNativeName')} error={errors.cityNativeName?.message}>
              <input id="cityNativeName" {...form.register('cityNativeName')} />
            </Field>
            <Field name="cityCountry" label={t('firstrun.office.cityCountry')} error={errors.cityCountry?.message}>
              <select
                id="cityCountry"
                {...form.register('cityCountry', { setValueAs: (v: string) => v || null })}
                aria-invalid={!!errors.cityCountry}
                aria-describedby={errors.cityCountry ? 'cityCountry-error' : undefined}
              >
                <option value="">{t('firstrun.office.chooseCountry')}</option>
                <CountryOptions />
              </select>
            </Field>
          </div>
          <p className="muted">{t('firstrun.office.cityHelp')}</p>
        </fieldset>
      ) : null}
      <Field name="userName" label={t('fields.userName')} error={errors.userName?.message}>
        <input id="userName" {...form.register('userName')} aria-describedby="userName-help" />
        <span className="muted" id="userName-help">
          {t('firstrun.office.userNameHelp')}
        </span>
      </Field>
      <Field name="language" label={t('fields.language')} error={errors.language?.message}>
        <select id="language" {...form.register('language', { onChange: (e: { target: { value: Language } }) => onLanguage?.(e.target.value) })}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

/** The form's values for an office as stored: its own city chosen if it has one, else a new one to type. */
export function officeDefaults(settings: {
  officeName: string;
  ownLocalityId: number | null;
  userName: string;
  language: Language;
  country: string | null;
  currency: string | null;
  staff: string[];
}): SetupInput {
  return {
    officeName: settings.officeName,
    ownLocalityId: settings.ownLocalityId,
    cityName: null,
    cityNativeName: null,
    cityCountry: null,
    userName: settings.userName,
    language: settings.language,
    country: settings.country,
    currency: settings.currency,
    staff: settings.staff,
  };
}
