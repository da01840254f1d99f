import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { SettingsView } from '../../../../shared/contract/settings.ts';
import { setupComplete, type SetupInput } from '../../../../shared/contract/setup.ts';
import { useCall, useMutate } from '../../api.ts';
import { applyServerError } from '../../components/form.tsx';
import { useFormCare, useUnsavedGuard } from '../../components/form-care.tsx';
import { setOffice, useLocale } from '../../i18n.ts';
import { OfficeFields, officeDefaults, SETUP_FIELDS, useLocalityCountry } from '../setup/OfficeFields.tsx';
import { BackupsPanel } from './BackupsPanel.tsx';
import { DataFilePanel, LogsPanel } from './DesktopPanels.tsx';
import { RegionFields, type RegionValue } from './RegionFields.tsx';
import { SamplePanel } from './SamplePanel.tsx';
import { SaveStatus, SectionForm, SettingsNav, SettingsSection, useSave } from './SettingsSection.tsx';
import { SignaturesSettings } from './SignaturesSettings.tsx';
import { StaffSettings } from './StaffSettings.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import { showWhereToWork, WhereToWorkPanel } from './WhereToWorkPanel.tsx';
import './settings.css';

/** Settings, one section per subject, each saved on its own (SettingsSection.tsx lists them). */
export function SettingsScreen() {
  const { t } = useLocale();
  const settings = useCall('settings.get', {});
  const info = useCall('app.info', {});
  const me = useCall('me.get', {});
  const admin = me.data?.role === 'admin';
  return (
    <section className="screen form-screen settings-screen">
      <header className="screen-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <SettingsNav />
      <SettingsSection id="office">{settings.data ? <OfficeSection settings={settings.data} /> : null}</SettingsSection>
      <SettingsSection id="region">{settings.data ? <RegionSection settings={settings.data} /> : null}</SettingsSection>
      <SettingsSection id="staff">
        <StaffSettings settings={settings.data} />
      </SettingsSection>
      <SettingsSection id="signatures">
        <SignaturesSettings settings={settings.data} />
      </SettingsSection>
      {showWhereToWork(admin) ? (
        <SettingsSection id="server">
          <WhereToWorkPanel admin={admin} />
        </SettingsSection>
      ) : null}
      {admin ? (
        <SettingsSection id="users">
          <UsersPanel />
        </SettingsSection>
      ) : null}
      <SettingsSection id="dataFile">
        <DataFilePanel dbPath={info.data?.dbPath} />
      </SettingsSection>
      <SettingsSection id="backups">
        <BackupsPanel />
      </SettingsSection>
      <SettingsSection id="logs">
        <LogsPanel />
      </SettingsSection>
      <SettingsSection id="sample">
        <SamplePanel loaded={info.data?.sampleLoaded} />
      </SettingsSection>
    </section>
  );
}

/** The office's name, own city (chosen, or new and created on save), the user's name and the language. */
function OfficeSection({ settings }: { settings: SettingsView }) {
  const { t } = useLocale();
  const save = useMutate('settings.office');
  const { result, setResult, run } = useSave();
  const form = useForm<SetupInput, unknown, z.output<typeof setupComplete>>({ resolver: zodResolver(setupComplete), defaultValues: officeDefaults(settings) });
  const care = useFormCare(form.formState.isDirty);
  useEffect(() => {
    form.reset(officeDefaults(settings), { keepDirtyValues: true });
  }, [settings, form]);
  const submit = form.handleSubmit(
    (values) =>
      run(async () => {
        try {
          const { country: _c, currency: _cu, staff: _s, ...office } = values;
          const saved = await save.mutateAsync(office);
          setOffice(saved);
          form.reset(officeDefaults(saved));
          return 'common.saved';
        } catch (failure) {
          const message = applyServerError(failure, form.setError, SETUP_FIELDS);
          if (message) setResult({ ok: false, message });
          care.failed();
          return null;
        }
      }),
    () => (setResult({ ok: false, message: 'errors.fixBelow' }), care.failed()),
  );
  return (
    <form ref={care.ref} className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="section-office" data-testid="office-form">
      <OfficeFields form={form} />
      <SaveStatus result={result} />
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** How numbers, dates and money are written: the country and the currency new amounts start in. */
function RegionSection({ settings }: { settings: SettingsView }) {
  const { t, language } = useLocale();
  const update = useMutate('settings.update');
  const save = useSave();
  const [value, setValue] = useState<RegionValue>({ country: settings.country, currency: settings.currency });
  useUnsavedGuard(value.country !== settings.country || value.currency !== settings.currency);
  useEffect(() => setValue({ country: settings.country, currency: settings.currency }), [settings.country, settings.currency]);
  const ownCountry = useLocalityCountry(settings.ownLocalityId);
  return (
    <SectionForm
      section="region"
      testId="region-form"
      save={save}
      pending={update.isPending}
      label={update.isPending ? t('common.saving') : t('common.save')}
      onSave={async () => {
        setOffice(await update.mutateAsync(value));
        return 'common.saved';
      }}
    >
      <RegionFields value={value} onChange={setValue} ownCountry={ownCountry} language={language} />
    </SectionForm>
  );
}
