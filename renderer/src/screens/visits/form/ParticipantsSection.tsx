import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { FieldMessage } from '../../../components/form.tsx';
import { EnumOptions } from '../../../components/options.tsx';
import { RecordPicker } from '../../../components/RecordPicker.tsx';
import { useLocale } from '../../../i18n.ts';
import { PARTICIPANT_ROLES } from '../../../../../shared/contract/visits.ts';
import { emptyParticipant, NEW, type Draft } from './draft.ts';
import { useProblem } from './problems.ts';

/** Who travelled or was received: a known contact found by any of their names, or a new one typed on the spot. */
export function ParticipantsSection() {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const rows = useFieldArray({ control: form.control, name: 'participants' });
  const chosen = form.watch('participants');
  return (
    <fieldset data-testid="participants">
      <legend>{t('visits.sections.participants')}</legend>
      {rows.fields.map((row, i) => (
        <ParticipantRow
          key={row.id}
          index={i}
          others={chosen
            .filter((_, j) => j !== i)
            .map((p) => Number(p.contactId))
            .filter((x) => x > 0)}
          onRemove={() => rows.remove(i)}
        />
      ))}
      <button type="button" onClick={() => rows.append(emptyParticipant())}>
        {t('visits.addParticipant')}
      </button>
    </fieldset>
  );
}

function ParticipantRow({ index: i, others, onRemove }: { index: number; others: number[]; onRemove: () => void }) {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const isNew = form.watch(`participants.${i}.contactId`) === NEW;
  const contact = useProblem(`participants.${i}.contactId`);
  const newName = useProblem(`participants.${i}.newName`);
  return (
    <div className="row-line" data-row={`participant-${i}`}>
      {isNew ? (
        <>
          <input
            aria-label={t('contacts.fields.name')}
            placeholder={t('contacts.fields.name')}
            autoComplete="off"
            {...newName.aria}
            {...form.register(`participants.${i}.newName`)}
          />
          <input
            aria-label={t('contacts.fields.nativeName')}
            placeholder={t('contacts.fields.nativeName')}
            autoComplete="off"
            {...form.register(`participants.${i}.newNativeName`)}
          />
          <input
            aria-label={t('contacts.fields.organisation')}
            placeholder={t('contacts.fields.organisation')}
            autoComplete="off"
            {...form.register(`participants.${i}.newOrganisation`)}
          />
        </>
      ) : (
        <Controller
          control={form.control}
          name={`participants.${i}.contactId`}
          render={({ field, fieldState }) => (
            <RecordPicker
              kind="contact"
              id={`participant-${i}`}
              aria-label={t('visits.contact')}
              placeholder={t('visits.chooseContact')}
              value={field.value ? Number(field.value) : null}
              excludeIds={others}
              error={fieldState.error?.message}
              inputRef={field.ref}
              onBlur={field.onBlur}
              onChange={(id) => field.onChange(id === null ? '' : String(id))}
              onCreate={(text) => {
                field.onChange(NEW);
                form.setValue(`participants.${i}.newName`, text, { shouldDirty: true });
              }}
              createLabel={(text) => t('search.newContact', { name: text })}
            />
          )}
        />
      )}
      <select aria-label={t('visits.roleLabel')} {...form.register(`participants.${i}.role`)}>
        <EnumOptions values={PARTICIPANT_ROLES} prefix="visits.role" />
      </select>
      <button type="button" className="remove" aria-label={t('visits.remove')} onClick={onRemove}>
        ×
      </button>
      {/* A chosen contact's problem shows under its picker; a new one's here. */}
      {isNew ? <FieldMessage id={contact.id} message={contact.message} /> : null}
      <FieldMessage id={newName.id} message={newName.message} />
    </div>
  );
}
