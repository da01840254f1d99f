import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { DateField, TimeField } from '../../../components/DateField.tsx';
import { FieldMessage } from '../../../components/form.tsx';
import { useLocale } from '../../../i18n.ts';
import type { Draft } from './draft.ts';
import { useProblem } from './problems.ts';

/** The programme, day by day; a new line starts on the visit's first day. */
export function AgendaSection() {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const rows = useFieldArray({ control: form.control, name: 'agenda' });
  return (
    <fieldset data-testid="agenda">
      <legend>{t('visits.sections.agenda')}</legend>
      {rows.fields.map((row, i) => (
        <AgendaRow key={row.id} index={i} onRemove={() => rows.remove(i)} />
      ))}
      <button type="button" onClick={() => rows.append({ onDate: form.getValues('startsOn'), atTime: '', place: '', what: '', withWhom: '' })}>
        {t('visits.addAgenda')}
      </button>
    </fieldset>
  );
}

function AgendaRow({ index: i, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const what = useProblem(`agenda.${i}.what`);
  return (
    <div className="row-line">
      <Controller
        control={form.control}
        name={`agenda.${i}.onDate`}
        render={({ field, fieldState }) => (
          <DateField
            id={`agenda-${i}-onDate`}
            aria-label={t('visits.agendaDate')}
            value={field.value}
            error={fieldState.error?.message}
            onChange={field.onChange}
            onBlur={field.onBlur}
          />
        )}
      />
      <Controller
        control={form.control}
        name={`agenda.${i}.atTime`}
        render={({ field, fieldState }) => (
          <TimeField
            id={`agenda-${i}-atTime`}
            aria-label={t('visits.agendaTime')}
            value={field.value}
            error={fieldState.error?.message}
            onChange={field.onChange}
          />
        )}
      />
      <input
        aria-label={t('visits.agendaWhat')}
        placeholder={t('visits.agendaWhat')}
        className="grow"
        autoComplete="off"
        {...what.aria}
        {...form.register(`agenda.${i}.what`)}
      />
      <input aria-label={t('visits.agendaPlace')} placeholder={t('visits.agendaPlace')} autoComplete="off" {...form.register(`agenda.${i}.place`)} />
      <input aria-label={t('visits.agendaWith')} placeholder={t('visits.agendaWith')} autoComplete="off" {...form.register(`agenda.${i}.withWhom`)} />
      <button type="button" className="remove" aria-label={t('visits.remove')} onClick={onRemove}>
        ×
      </button>
      <FieldMessage id={what.id} message={what.message} />
    </div>
  );
}
