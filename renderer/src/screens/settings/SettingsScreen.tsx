import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { LANGUAGES, settingsShape } from '../../../../shared/contract/settings.ts';
import { useCall, useMutate } from '../../api.ts';
import { applyServerError, asNumber, failureMessage, Field, FormMessage } from '../../components/form.tsx';
import { setOffice, useLocale } from '../../i18n.ts';
import { RegionFields } from './RegionFields.tsx';
import { BackupsPanel } from './BackupsPanel.tsx';
import { DataFilePanel, LogsPanel } from './DesktopPanels.tsx';
import { SignaturesSettings } from './SignaturesSettings.tsx';
import { StaffSettings } from './StaffSettings.tsx';

type Input = z.input<typeof settingsShape>;
type Output = z.output<typeof settingsShape>;
const LANGUAGE_NAMES = { es: 'Español', pt: 'Português', en: 'English' } as const;

export function SettingsScreen() {
  const { t } = useLocale();
  const settings = useCall('settings.get', {});
  const info = useCall('app.info', {});
  const localities = useCall('localities.list', { limit: 10000 });
  const update = useMutate('settings.update');
  const loadSample = useMutate('sample.load');
  const [message, setMessage] = useState<string | null>(null);
  const [sampleMessage, setSampleMessage] = useState<string | null>(null);

  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(settingsShape) });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => {
    if (settings.data && localities.data) form.reset(settings.data, { keepDirtyValues: true });
  }, [settings.data, localities.data, form]);

  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await update.mutateAsync(values);
      setOffice(saved);
      setMessage('common.saved');
    } catch (failure) {
      setMessage(applyServerError(failure, form.setError, Object.keys(settingsShape.shape)));
    }
  });

  const sample = async () => {
    setSampleMessage(null);
    try {
      await loadSample.mutateAsync({});
      setSampleMessage('settings.sampleLoaded');
    } catch (failure) {
      setSampleMessage(failureMessage(failure));
    }
  };

  return (
    <section className="screen form-screen">
      <header className="screen-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormMessage message={message} />
        <fieldset>
          <legend>{t('settings.office')}</legend>
          <div className="grid">
            <Field name="officeName" label={t('fields.officeName')} error={errors.officeName?.message} wide>
              <input id="officeName" {...form.register('officeName')} />
            </Field>
            <Field name="ownLocalityId" label={t('fields.ownLocalityId')} error={errors.ownLocalityId?.message}>
              <select id="ownLocalityId" {...form.register('ownLocalityId', { setValueAs: (v) => asNumber(v) ?? null })}>
                <option value="">{t('settings.noLocality')}</option>
                {(localities.data ?? []).map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="userName" label={t('fields.userName')} error={errors.userName?.message}>
              <input id="userName" {...form.register('userName')} />
            </Field>
            <Field name="language" label={t('fields.language')} error={errors.language?.message}>
              <select id="language" {...form.register('language')}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <RegionFields form={form} settings={settings.data} ownCountry={localities.data?.find((l) => l.id === form.watch('ownLocalityId'))?.country ?? null} />
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      <DataFilePanel dbPath={info.data?.dbPath} />
      <StaffSettings settings={settings.data} />
      <SignaturesSettings settings={settings.data} />
      <BackupsPanel />
      <LogsPanel />
      <section className="panel">
        <h2>{t('settings.sample')}</h2>
        <p>{t('settings.sampleHelp')}</p>
        <button type="button" onClick={() => void sample()} disabled={info.data?.sampleLoaded}>
          {t('settings.loadSample')}
        </button>
        <FormMessage message={sampleMessage} />
      </section>
    </section>
  );
}
