import { useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { settingsShape, SettingsView } from '../../../../shared/contract/settings.ts';
import { countryName } from '../../../../shared/countries.ts';
import { formatDate } from '../../../../shared/format.ts';
import { formatMoney } from '../../../../shared/money.ts';
import { currencyForCountry, officeLocale } from '../../../../shared/region.ts';
import { Field } from '../../components/form.tsx';
import { CountryOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';

type Form = UseFormReturn<z.input<typeof settingsShape>, unknown, z.output<typeof settingsShape>>;

const orNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** All ISO 4217 codes the runtime knows, by their name in the user's language. */
function currencyOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return Intl.supportedValuesOf('currency')
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The office's country and currency; "automatic" follows its own locality and that country, and the line below shows the result. */
export function RegionFields({ form, settings, ownCountry }: { form: Form; settings: SettingsView | undefined; ownCountry: string | null }) {
  const { t, language, locale } = useLocale();
  const currencies = useMemo(() => currencyOptions(locale), [locale]);
  const { errors } = form.formState;
  const chosenCountry = form.watch('country') || null;
  const country = chosenCountry ?? ownCountry;
  const currency = form.watch('currency') || currencyForCountry(country);
  const preview = officeLocale(form.watch('language') ?? language, country);
  if (!settings) return null;
  return (
    <fieldset>
      <legend>{t('region.legend')}</legend>
      <div className="grid">
        <Field name="country" label={t('region.country')} error={errors.country?.message}>
          <select id="country" {...form.register('country', { setValueAs: orNull })}>
            <option value="">{ownCountry ? t('region.countryAuto', { country: countryName(ownCountry, locale) }) : t('region.countryAutoNone')}</option>
            <CountryOptions />
          </select>
        </Field>
        <Field name="currency" label={t('region.currency')} error={errors.currency?.message}>
          <select id="currency" {...form.register('currency', { setValueAs: orNull })}>
            <option value="">{t('region.currencyAuto', { currency: currencyForCountry(country) })}</option>
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="subtitle" data-testid="region-preview">
        {t('region.help', { money: formatMoney(1_240_050, currency, preview), date: formatDate('2027-03-15', preview) })}
      </p>
    </fieldset>
  );
}
