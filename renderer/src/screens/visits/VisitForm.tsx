import { present } from '../../../../shared/narrow.ts';
import { useEffect, useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { AppFailure } from '../../../../shared/contract/result.ts';
import type { VisitFields } from '../../../../shared/contract/visits.ts';
import { useCall, useMutate } from '../../api.ts';
import { useFormCare } from '../../components/form-care.tsx';
import { failureMessage, FormActions, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';
import { AgendaSection } from './form/AgendaSection.tsx';
import { CostsSection } from './form/CostsSection.tsx';
import { EMPTY, formPath, toDraft, visitResolver, type Draft } from './form/draft.ts';
import { OutcomesSection } from './form/OutcomesSection.tsx';
import { ParticipantsSection } from './form/ParticipantsSection.tsx';
import { ProtocolSection } from './form/ProtocolSection.tsx';
import { TripSection } from './form/TripSection.tsx';

/**
 * Logs a visit or edits one: react-hook-form over the sections (each its own
 * component, the lists on useFieldArray), checked by the contract's schema with
 * the amounts read the office's way; leaving with unsaved work asks first, and
 * a refused save puts the cursor on the first thing to correct.
 */
export function VisitForm() {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const editingId = id ? Number(id) : null;
  const existing = useCall('visits.get', { id: editingId ?? 0 }, { enabled: editingId !== null });
  const create = useMutate('visits.create');
  const update = useMutate('visits.update');
  const [message, setMessage] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(editingId === null);
  // Opened from a partner's page (?partner=ID): the visit is with that place.
  const [params] = useSearchParams();
  const form = useForm<Draft, unknown, VisitFields>({
    resolver: visitResolver(locale),
    defaultValues: { ...EMPTY, localityId: Number(params.get('partner')) || null },
  });
  const care = useFormCare(form.formState.isDirty);

  // Once: refetches after other writes never overwrite what is being typed.
  useEffect(() => {
    if (existing.data && !loaded) {
      form.reset(toDraft(existing.data, locale));
      setLoaded(true);
    }
  }, [existing.data, loaded, form, locale]);

  const refused = (key: string) => {
    setMessage(key);
    care.failed();
  };

  const submit = form.handleSubmit(
    async (fields) => {
      setMessage(null);
      try {
        const saved =
          editingId === null
            ? await create.mutateAsync(fields)
            : await update.mutateAsync({ ...fields, id: editingId, version: present(existing.data, 'the visit being edited').version });
        care.release();
        navigate(`/visits/${saved.id}`);
      } catch (failure) {
        const error = failure instanceof AppFailure ? failure.error : undefined;
        if (error?.kind !== 'validation') return refused(failureMessage(failure));
        for (const issue of error.issues) form.setError(formPath(issue.path) as FieldPath<Draft>, { type: 'server', message: issue.message });
        refused('errors.fixBelow');
      }
    },
    () => refused('errors.fixBelow'),
  );

  if (!loaded) return <p>{t('app.loading')}</p>;
  const cancelTo = editingId ? `/visits/${editingId}` : '/visits';

  return (
    <section className="screen form-screen visit-form">
      <header className="screen-header">
        <h1>{editingId === null ? t('visits.new') : t('visits.edit')}</h1>
      </header>
      <FormProvider {...form}>
        <form ref={care.ref} className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={editingId === null ? t('visits.new') : t('visits.edit')}>
          <FormMessage message={message} />
          <TripSection />
          <ParticipantsSection />
          <AgendaSection />
          <OutcomesSection />
          <CostsSection />
          <ProtocolSection />
          <FormActions onCancel={() => (care.release(), navigate(cancelTo))} submitting={form.formState.isSubmitting} />
        </form>
      </FormProvider>
    </section>
  );
}
