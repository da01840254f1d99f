import { countryName } from '../../../../shared/countries.ts';
import { useCall } from '../../api.ts';
import { Field } from '../../components/form.tsx';
import { CountryOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';

/** Whose way of writing numbers and dates a report uses: the office's unless the user picks a country (a partner's). */
export function ReportRegionField({ value, onChange }: { value: string; onChange(country: string): void }) {
  const { t, locale } = useLocale();
  const office = useCall('settings.get', {}).data?.region.country ?? null;
  return (
    <Field name="report-region" label={t('region.reportNumbers')}>
      <select id="report-region" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{office ? t('region.reportOffice', { country: countryName(office, locale) }) : t('region.reportOfficeNone')}</option>
        <CountryOptions />
      </select>
    </Field>
  );
}
