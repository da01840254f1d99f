import { useFieldArray, useFormContext } from 'react-hook-form';
import { FieldMessage } from '../../../components/form.tsx';
import { useLocale } from '../../../i18n.ts';
import type { Draft } from './draft.ts';
import { useProblem } from './problems.ts';

/** What was agreed, one line each; an outcome that already made a task keeps it (its id goes back with it). */
export function OutcomesSection() {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const rows = useFieldArray({ control: form.control, name: 'outcomes' });
  return (
    <fieldset data-testid="outcomes">
      <legend>{t('visits.sections.outcomes')}</legend>
      {rows.fields.map((row, i) => (
        <OutcomeRow key={row.id} index={i} onRemove={() => rows.remove(i)} />
      ))}
      <button type="button" onClick={() => rows.append({ outcomeId: null, text: '' })}>
        {t('visits.addOutcome')}
      </button>
    </fieldset>
  );
}

function OutcomeRow({ index: i, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const text = useProblem(`outcomes.${i}.text`);
  return (
    <div className="row-line">
      <input
        aria-label={t('visits.outcome')}
        placeholder={t('visits.outcome')}
        className="grow"
        autoComplete="off"
        {...text.aria}
        {...form.register(`outcomes.${i}.text`)}
      />
      <button type="button" className="remove" aria-label={t('visits.remove')} onClick={onRemove}>
        ×
      </button>
      <FieldMessage id={text.id} message={text.message} />
    </div>
  );
}
