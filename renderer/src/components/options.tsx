import { useMemo } from 'react';
import { countriesFor } from '../../../shared/countries.ts';
import { useLocale } from '../i18n.ts';

/** <option>s for an enum, each labelled by its translation under `prefix`. */
export function EnumOptions({ values, prefix }: { values: readonly string[]; prefix: string }) {
  const { t } = useLocale();
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${prefix}.${v}`)}
        </option>
      ))}
    </>
  );
}

/** <option>s for every country, by its name in the user's language, sorted as that language sorts. */
export function CountryOptions() {
  const { locale } = useLocale();
  const countries = useMemo(() => countriesFor(locale), [locale]);
  return (
    <>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );
}
