import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings.ts';
import { setupComplete, type SetupInput } from '../../../../shared/contract/setup.ts';
import { useMutate } from '../../api.ts';
import { applyServerError, failureMessage, FormMessage } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { cleanStaff, StaffListEditor } from '../../components/StaffListEditor.tsx';
import { setLanguage, setOffice, useLocale } from '../../i18n.ts';
import { RegionFields } from '../settings/RegionFields.tsx';
import { OfficeFields, officeDefaults, SETUP_FIELDS, useLocalityCountry } from './OfficeFields.tsx';
import '../settings/settings.css';

/**
 * The first-run set-up: a short form, in one save (one transaction with its audit rows). Every
 * answer can be changed later in Settings; the language switches as soon as it is chosen.
 */
export function SetupScreen({ onLater }: { onLater: () => void }) {
  const { t, language } = useLocale();
  const complete = useMutate('setup.complete');
  const loadSample = useMutate('sample.load');
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<SetupInput, unknown, z.output<typeof setupComplete>>({
    resolver: zodResolver(setupComplete),
    defaultValues: officeDefaults({ ...DEFAULT_SETTINGS, language }),
  });
  const { errors, isSubmitting } = form.formState;
  const care = useFormCare(form.formState.isDirty);
  useEffect(() => heading.current?.focus(), []);

  const chosenId = form.watch('ownLocalityId');
  const chosenCountry = useLocalityCountry(chosenId);
  const ownCountry = (chosenId ? chosenCountry : form.watch('cityCountry')) ?? null;
  const staff = form.watch('staff') ?? [];

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        const saved = await complete.mutateAsync({ ...values, staff: cleanStaff(values.staff) });
        care.release();
        setOffice(saved);
      } catch (failure) {
        setMessage(applyServerError(failure, form.setError, SETUP_FIELDS));
        care.failed();
      }
    },
    () => (setMessage('errors.fixBelow'), care.failed()),
  );

  return (
    <section className="screen form-screen setup-screen" data-testid="setup">
      <header className="screen-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {t('firstrun.setup.title')}
          </h1>
          <p className="subtitle">{t('firstrun.setup.intro')}</p>
        </div>
      </header>
      <form ref={care.ref} className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="setup-office">
        <FormMessage message={message} />
        <fieldset className="panel">
          <legend id="setup-office">{t('firstrun.setup.office')}</legend>
          <OfficeFields form={form} onLanguage={setLanguage} />
        </fieldset>
        <fieldset className="panel">
          <legend>{t('region.legend')}</legend>
          <RegionFields
            value={{ country: form.watch('country') ?? null, currency: form.watch('currency') ?? null }}
            onChange={(v) => {
              form.setValue('country', v.country, { shouldDirty: true });
              form.setValue('currency', v.currency, { shouldDirty: true });
            }}
            errors={{ country: errors.country?.message, currency: errors.currency?.message }}
            ownCountry={ownCountry}
            language={form.watch('language')}
          />
        </fieldset>
        <fieldset className="panel">
          <legend id="setup-staff-label">{t('home.staff')}</legend>
          <p className="muted">{t('firstrun.setup.staffHelp')}</p>
          <StaffListEditor id="setup-staff" value={staff} onChange={(names) => form.setValue('staff', names, { shouldDirty: true })} />
        </fieldset>
        <div className="actions">
          <button type="button" onClick={() => (care.release(), onLater())}>
            {t('firstrun.setup.later')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('firstrun.setup.start')}
          </button>
        </div>
      </form>
      <aside className="panel" aria-labelledby="setup-sample">
        <h2 id="setup-sample">{t('firstrun.setup.tryTitle')}</h2>
        <p>{t('firstrun.setup.tryHelp')}</p>
        <button
          type="button"
          disabled={loadSample.isPending}
          onClick={() => void loadSample.mutateAsync({}).catch((failure: unknown) => setMessage(failureMessage(failure)))}
        >
          {t('settings.loadSample')}
        </button>
      </aside>
    </section>
  );
}
