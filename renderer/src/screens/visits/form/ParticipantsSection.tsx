import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { FieldMessage } from '../../../components/form.tsx';
import { EnumOptions } from '../../../components/options.tsx';
import { useCall } from '../../../api.ts';
import { twoScripts } from '../../../../../shared/names.ts';
import { useLocale } from '../../../i18n.ts';
import { PARTICIPANT_ROLES } from '../../../../../shared/contract/visits.ts';
import { emptyParticipant, NEW, type Draft } from './draft.ts';
import { useProblem } from './problems.ts';

/** Who travelled or was received: a known contact, or a new one typed on the spot. */
export function ParticipantsSection() {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const rows = useFieldArray({ control: form.control, name: 'participants' });
  return (
    <fieldset data-testid="participants">
      <legend>{t('visits.sections.participants')}</legend>
      {rows.fields.map((row, i) => (
        <ParticipantRow key={row.id} index={i} onRemove={() => rows.remove(i)} />
      ))}
      <button type="button" onClick={() => rows.append(emptyParticipant())}>
        {t('visits.addParticipant')}
      </button>
    </fieldset>
  );
}

function ParticipantRow({ index: i, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useLocale();
  const form = useFormContext<Draft>();
  const isNew = form.watch(`participants.${i}.contactId`) === NEW;
  const contact = useProblem(`participants.${i}.contactId`);
  const newName = useProblem(`participants.${i}.newName`);
  const contacts = useCall('contacts.list', { limit: 10000 });
  return (
    <div className="row-line" data-row={`participant-${i}`}>
      <Controller
        control={form.control}
        name={`participants.${i}.contactId`}
        render={({ field }) => (
          // Controlled, so a stored participant shows once the contacts have loaded.
          <select aria-label={t('visits.contact')} {...contact.aria} ref={field.ref} value={field.value} onBlur={field.onBlur} onChange={(e) => field.onChange(e.target.value)}>
            <option value="">{t('visits.chooseContact')}</option>
            <option value={NEW}>{t('visits.newContact')}</option>
            {(contacts.data?.rows ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {twoScripts(c.name, c.nativeName)}
                {c.organisation ? ` (${c.organisation})` : ''}
              </option>
            ))}
          </select>
        )}
      />
      {isNew ? (
        <>
          <input aria-label={t('contacts.fields.name')} placeholder={t('contacts.fields.name')} autoComplete="off" {...newName.aria} {...form.register(`participants.${i}.newName`)} />
          <input aria-label={t('contacts.fields.nativeName')} placeholder={t('contacts.fields.nativeName')} autoComplete="off" {...form.register(`participants.${i}.newNativeName`)} />
          <input aria-label={t('contacts.fields.organisation')} placeholder={t('contacts.fields.organisation')} autoComplete="off" {...form.register(`participants.${i}.newOrganisation`)} />
        </>
      ) : null}
      <select aria-label={t('visits.roleLabel')} {...form.register(`participants.${i}.role`)}>
        <EnumOptions values={PARTICIPANT_ROLES} prefix="visits.role" />
      </select>
      <button type="button" className="remove" aria-label={t('visits.remove')} onClick={onRemove}>
        ×
      </button>
      <FieldMessage id={contact.id} message={contact.message} />
      <FieldMessage id={newName.id} message={newName.message} />
    </div>
  );
}
