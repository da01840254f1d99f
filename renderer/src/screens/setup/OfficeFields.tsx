import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { LANGUAGES, type Language } from '../../../../shared/contract/settings.ts';
import type { setupComplete, SetupInput } from '../../../../shared/contract/setup.ts';
import type { z } from 'zod';
import type { Locality } from '../../../../shared/contract/localities.ts';
import { Field } from '../../components/form.tsx';
import { CountryOptions, LocalityOptions } from '../../components/options.tsx';
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
const NEW_CITY = 'new';

/**
 * The office's name, its own city (chosen from the places the file knows, or a new one typed here:
 * created when the form is saved), the user's name and the app's language. The set-up and
 * Settings' "Office" section share them.
 */
export function OfficeFields({ form, localities, onLanguage }: { form: SetupForm; localities: Locality[] | undefined; onLanguage?: (l: Language) => void }) {
  const { t } = useLocale();
  const errors: FieldErrors<SetupInput> = form.formState.errors;
  const chosen = form.watch('ownLocalityId');
  const known = (localities ?? []).length > 0;
  const typing = chosen === null || chosen === undefined;
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
        <Field name="ownLocalityId" label={t('fields.ownLocalityId')} error={errors.ownLocalityId?.message}>
          <select
            id="ownLocalityId"
            value={typing ? NEW_CITY : String(chosen)}
            onChange={(e) => form.setValue('ownLocalityId', e.target.value === NEW_CITY ? null : Number(e.target.value), { shouldDirty: true })}
          >
            <LocalityOptions localities={localities} />
            <option value={NEW_CITY}>{t('firstrun.office.newCity')}</option>
          </select>
        </Field>
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
