import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { LocalityLevel } from '../../../../shared/contract/localities.ts';
import type { PlaceSuggestion } from '../../../../shared/contract/places.ts';
import { coordinateText, parseCoordinate } from '../../../../shared/coordinates.ts';
import { countryName } from '../../../../shared/countries.ts';
import { nativeLang } from '../../../../shared/names.ts';
import { call } from '../../api.ts';
import { failureMessage, Field, FieldMessage } from '../../components/form.tsx';
import { MapPicker } from '../../components/LazyMap.tsx';
import { useLocale } from '../../i18n.ts';
import './coordinates.css';

/** What the locality form holds for its place: the two numbers as typed, in the office's way. */
export type CoordinateValues = { latitude: string; longitude: string };

/**
 * Latitude and longitude, typed, picked on a small map, or taken from the
 * bundled gazetteer's suggestions for the name, native name and country above.
 */
export function CoordinateFields<T extends CoordinateValues, O>(props: {
  form: UseFormReturn<T, unknown, O>;
  idPrefix: string;
  query: { name: string; nativeName: string; country: string; level: LocalityLevel };
}) {
  const { t, locale } = useLocale();
  // The form's own type is wider; these two fields are always there.
  const form = props.form as unknown as UseFormReturn<CoordinateValues>;
  const { errors } = form.formState;
  const p = props.idPrefix;
  const [suggestions, setSuggestions] = useState<PlaceSuggestion[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [latitude, longitude] = form.watch(['latitude', 'longitude']);
  const read = (text: string, axis: 'latitude' | 'longitude') => {
    const r = parseCoordinate(text ?? '', axis, locale);
    return r.ok ? r.value : null;
  };

  const set = (lat: number, lon: number) => {
    form.setValue('latitude', coordinateText(lat, locale), { shouldDirty: true, shouldValidate: true });
    form.setValue('longitude', coordinateText(lon, locale), { shouldDirty: true, shouldValidate: true });
  };

  const suggest = async () => {
    setMessage(null);
    const { name, nativeName, country, level } = props.query;
    if (!name.trim() && !nativeName.trim()) {
      setSuggestions(null);
      setMessage('map.needName');
      return;
    }
    try {
      const found = await call('places.suggest', { name, nativeName: nativeName || null, ...(country ? { country } : {}), level });
      setSuggestions(found);
      if (!found.length) setMessage(`map.noSuggestions|${JSON.stringify({ name: nativeName || name })}`);
    } catch (failure) {
      setMessage(failureMessage(failure));
    }
  };

  return (
    <fieldset className="coordinates wide">
      <legend>{t('map.place')}</legend>
      <div className="coordinate-row">
        <Field name={`${p}-latitude`} label={t('map.latitude')} error={errors.latitude?.message}>
          <input
            id={`${p}-latitude`}
            {...form.register('latitude')}
            inputMode="decimal"
            autoComplete="off"
            placeholder={coordinateText(-34.9033, locale)}
            aria-invalid={errors.latitude ? true : undefined}
            aria-describedby={errors.latitude ? `${p}-latitude-error` : undefined}
          />
        </Field>
        <Field name={`${p}-longitude`} label={t('map.longitude')} error={errors.longitude?.message}>
          <input
            id={`${p}-longitude`}
            {...form.register('longitude')}
            inputMode="decimal"
            autoComplete="off"
            placeholder={coordinateText(-56.1882, locale)}
            aria-invalid={errors.longitude ? true : undefined}
            aria-describedby={errors.longitude ? `${p}-longitude-error` : undefined}
          />
        </Field>
        <div className="coordinate-actions">
          <button type="button" onClick={() => void suggest()} title={t('map.suggestHelp')}>
            {t('map.suggest')}
          </button>
          <button type="button" onClick={() => setPicking((v) => !v)} aria-expanded={picking}>
            {picking ? t('map.hideMap') : t('map.chooseOnMap')}
          </button>
          {latitude || longitude ? (
            <button
              type="button"
              onClick={() => {
                form.setValue('latitude', '', { shouldDirty: true });
                form.setValue('longitude', '', { shouldDirty: true });
              }}
            >
              {t('map.clear')}
            </button>
          ) : null}
        </div>
      </div>
      <div aria-live="polite">
        <FieldMessage message={message} />
        {suggestions?.length ? (
          <div className="place-suggestions">
            <p className="label">{t('map.suggestions')}</p>
            <ul>
              {suggestions.map((s) => {
                const native = s.nativeNames.find((n) => n === props.query.nativeName) ?? s.nativeNames[0];
                const where = [s.kind === 'division' ? t('map.division') : s.division, countryName(s.country, locale)].filter(Boolean).join(', ');
                const text = `${coordinateText(s.latitude, locale)}; ${coordinateText(s.longitude, locale)}`;
                return (
                  <li key={`${s.name}|${s.latitude}|${s.longitude}`}>
                    <button
                      type="button"
                      onClick={() => {
                        set(s.latitude, s.longitude);
                        setSuggestions(null);
                      }}
                    >
                      {t('map.use')}: <strong>{s.name}</strong>
                      {native ? ' ' : null}
                      {native ? (
                        <span className="native" lang={nativeLang(native, s.country) ?? undefined}>
                          {native}
                        </span>
                      ) : null}
                      <span className="muted">
                        {' '}
                        · {where} · {text}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
      {picking ? (
        <>
          <p className="muted field-help">{t('map.pickerHelp')}</p>
          <MapPicker latitude={read(latitude, 'latitude')} longitude={read(longitude, 'longitude')} onPick={set} label={t('map.pickerLabel')} />
        </>
      ) : null}
    </fieldset>
  );
}
