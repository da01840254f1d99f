import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { officeEventFields, type OfficeEvent } from '../../../../shared/contract/calendar.ts';
import { useCall, useMutate } from '../../api.ts';
import { applyServerError, Field, FormMessage } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { FormDateTimeField } from '../../components/DateField.tsx';
import { useLocale } from '../../i18n.ts';
import { FormRecordPicker } from '../../components/RecordPicker.tsx';

type Input = z.input<typeof officeEventFields>;
type Output = z.output<typeof officeEventFields>;
const FIELDS = ['title', 'allDay', 'start', 'end', 'place', 'notes', 'agreementId'] as const;

export type DialogTarget = { mode: 'new'; start: string; end: string; allDay: boolean } | { mode: 'edit'; id: number };

function toInput(e: OfficeEvent): Input {
  return { title: e.title, allDay: e.allDay, start: e.start, end: e.end, place: e.place ?? '', notes: e.notes ?? '', agreementId: e.agreementId };
}

/** Switching "all day" keeps the chosen days and gives a timed event a plain working hour. */
function convert(value: string, allDay: boolean, fallbackTime: string) {
  if (!value) return value;
  return allDay ? value.slice(0, 10) : value.length === 10 ? `${value}T${fallbackTime}` : value;
}

export function OfficeEventDialog(props: { target: DialogTarget; onClose(): void; onDeleted(event: OfficeEvent): void }) {
  const { t } = useLocale();
  const { target } = props;
  const editing = target.mode === 'edit' ? target.id : null;
  const existing = useCall('officeEvents.get', { id: editing ?? 0 }, { enabled: editing !== null });
  const create = useMutate('officeEvents.create');
  const update = useMutate('officeEvents.update');
  const remove = useMutate('officeEvents.delete');
  const [message, setMessage] = useState<string | null>(null);
  const defaults: Input =
    target.mode === 'new'
      ? { title: '', allDay: target.allDay, start: target.start, end: target.end, place: '', notes: '', agreementId: null }
      : { title: '', allDay: true, start: '', end: '', place: '', notes: '', agreementId: null };
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(officeEventFields), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const care = useFormCare(form.formState.isDirty);
  const allDay = form.watch('allDay');

  useEffect(() => {
    if (existing.data) form.reset(toInput(existing.data), { keepDirtyValues: true });
  }, [existing.data, form]);

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        if (existing.data) await update.mutateAsync({ ...values, id: existing.data.id, version: existing.data.version });
        else await create.mutateAsync(values);
        care.release();
        props.onClose();
      } catch (failure) {
        setMessage(applyServerError(failure, form.setError, FIELDS));
        care.failed();
      }
    },
    () => (setMessage('errors.fixBelow'), care.failed()),
  );

  const onDelete = async () => {
    if (!existing.data) return;
    try {
      await remove.mutateAsync({ id: existing.data.id });
      care.release();
      props.onDeleted(existing.data);
    } catch (failure) {
      setMessage(applyServerError(failure, form.setError, FIELDS));
    }
  };

  const toggleAllDay = (next: boolean) => {
    form.setValue('allDay', next);
    form.setValue('start', convert(form.getValues('start'), next, '09:00'));
    form.setValue('end', convert(form.getValues('end'), next, '10:00'));
  };

  const title = existing.data ? t('calendar.editEvent') : t('calendar.newEvent');
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <div className="dialog panel" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        {editing !== null && existing.isLoading ? <p>{t('app.loading')}</p> : null}
        <form ref={care.ref} className="form" onSubmit={(e) => void submit(e)} noValidate>
          <FormMessage message={message} />
          <div className="grid">
            <Field name="title" label={t('calendar.fields.title')} error={errors.title?.message} wide>
              <input id="title" autoComplete="off" autoFocus {...form.register('title')} />
            </Field>
            <div className="field wide">
              <label className="check">
                <input type="checkbox" checked={allDay} onChange={(e) => toggleAllDay(e.target.checked)} />
                {t('calendar.fields.allDay')}
              </label>
            </div>
            <FormDateTimeField control={form.control} name="start" label={t('calendar.fields.start')} withTime={!allDay} />
            <FormDateTimeField control={form.control} name="end" label={t('calendar.fields.end')} withTime={!allDay} />
            <Field name="place" label={t('calendar.fields.place')} error={errors.place?.message} wide>
              <input id="place" autoComplete="off" {...form.register('place')} />
            </Field>
            <FormRecordPicker
              control={form.control}
              name="agreementId"
              label={t('calendar.fields.agreementId')}
              kind="agreement"
              placeholder={t('calendar.noAgreement')}
              wide
            />
            <Field name="notes" label={t('calendar.fields.notes')} error={errors.notes?.message} wide>
              <textarea id="notes" rows={3} {...form.register('notes')} />
            </Field>
          </div>
          <div className="actions">
            {existing.data ? (
              <button type="button" className="danger" onClick={() => void onDelete()}>
                {t('calendar.deleteEvent')}
              </button>
            ) : null}
            <span className="spacer" />
            <button type="button" onClick={props.onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
