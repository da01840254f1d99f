import { useMemo } from 'react';
import type { Language } from '../../../../shared/contract/settings.ts';
import { countryName } from '../../../../shared/countries.ts';
import { formatDate } from '../../../../shared/format.ts';
import { formatMoney } from '../../../../shared/money.ts';
import { currencyForCountry, officeLocale } from '../../../../shared/region.ts';
import { Field } from '../../components/form.tsx';
import { CountryOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';

/** All ISO 4217 codes the runtime knows, by their name in the user's language. */
function currencyOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return Intl.supportedValuesOf('currency')
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export type RegionValue = { country: string | null; currency: string | null };

/**
 * The office's country and currency; "automatic" follows its own city's country and that country's
 * currency, and the line below shows how amounts and dates will be written. Used by Settings and the set-up.
 */
export function RegionFields(props: {
  value: RegionValue;
  onChange: (value: RegionValue) => void;
  errors?: { country?: string | undefined; currency?: string | undefined };
  ownCountry: string | null;
  language: Language;
}) {
  const { t, locale } = useLocale();
  const currencies = useMemo(() => currencyOptions(locale), [locale]);
  const { value, onChange, ownCountry } = props;
  const country = value.country ?? ownCountry;
  const currency = value.currency ?? currencyForCountry(country);
  const preview = officeLocale(props.language, country);
  return (
    <>
      <div className="grid">
        <Field name="country" label={t('region.country')} error={props.errors?.country}>
          <select id="country" value={value.country ?? ''} onChange={(e) => onChange({ ...value, country: e.target.value || null })}>
            <option value="">{ownCountry ? t('region.countryAuto', { country: countryName(ownCountry, locale) }) : t('region.countryAutoNone')}</option>
            <CountryOptions />
          </select>
        </Field>
        <Field name="currency" label={t('region.currency')} error={props.errors?.currency}>
          <select id="currency" value={value.currency ?? ''} onChange={(e) => onChange({ ...value, currency: e.target.value || null })}>
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
    </>
  );
}
