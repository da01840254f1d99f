import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppFailure } from '../../../../shared/contract/result.ts';
import type { ContactFields, SimilarContact } from '../../../../shared/contract/contacts.ts';
import { call, useCall, useMutate } from '../../api.ts';
import { failureMessage, Field, FormMessage, SampleBadge, useAction } from '../../components/form.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { useUndoableMutate } from '../../components/undo.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';

const EMPTY: ContactFields = { name: '', nativeName: '', title: '', organisation: '', languages: '', email: '', phone: '', notes: '' };

export function ContactsScreen() {
  const { t } = useLocale();
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const debounced = useDebounced(search);
  const list = useCall('contacts.list', { search: debounced || undefined, archived, limit: 500 }, { placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<{ id: number | null; version: number; fields: ContactFields } | null>(null);
  const archive = useUndoableMutate('contacts.archive');
  const restore = useMutate('contacts.restore');
  const remove = useUndoableMutate('contacts.delete');
  const { message, act } = useAction();
  const edit = async (id: number) => {
    const c = await call('contacts.get', { id });
    setEditing({ id, version: c.version, fields: { ...c } });
  };
  return (
    <section className="screen contacts-screen">
      <header className="screen-header">
        <h1>{t('contacts.title')}</h1>
        <button type="button" className="primary" onClick={() => setEditing({ id: null, version: 0, fields: EMPTY })}>
          {t('contacts.new')}
        </button>
      </header>
      {editing ? <ContactForm key={editing.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} /> : null}
      <div className="filters" role="search">
        <input type="search" aria-label={t('common.search')} placeholder={t('contacts.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          {t('common.showArchived')}
        </label>
        <span className="count">{list.data ? t('common.results', { count: list.data.total }) : ''}</span>
      </div>
      <FormMessage message={message} />
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('contacts.fields.name')}</th>
            <th>{t('contacts.fields.title')}</th>
            <th>{t('contacts.fields.organisation')}</th>
            <th>{t('contacts.fields.email')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(list.data?.rows ?? []).map((c) => (
            <tr key={c.id} className={c.archivedAt ? 'archived' : ''} data-contact-id={c.id}>
              <td>
                <strong>{c.name}</strong>
                <NativeName native={c.nativeName} />
                <SampleBadge sample={c.sample} />
              </td>
              <td>{c.title}</td>
              <td>{c.organisation}</td>
              <td>{c.email}</td>
              <td className="row-actions">
                <button type="button" onClick={() => void act(() => edit(c.id))}>
                  {t('common.edit')}
                </button>
                <button type="button" onClick={() => void act(() => (c.archivedAt ? restore.mutateAsync({ id: c.id }) : archive.run({ id: c.id }, c.name)))}>
                  {c.archivedAt ? t('common.restore') : t('common.archive')}
                </button>
                <button type="button" onClick={() => void act(() => remove.run({ id: c.id }, c.name))}>
                  {t('contacts.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const FIELD_NAMES = ['name', 'nativeName', 'title', 'organisation', 'languages', 'email', 'phone', 'notes'] as const;

/** Before saving a new contact, names within a few letters of it are offered, so nobody is entered twice. */
function ContactForm({ editing, onDone }: { editing: { id: number | null; version: number; fields: ContactFields }; onDone: () => void }) {
  const { t } = useLocale();
  const [fields, setFields] = useState<ContactFields>(editing.fields);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [similar, setSimilar] = useState<SimilarContact[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutate('contacts.create');
  const update = useMutate('contacts.update');
  const care = useFormCare(FIELD_NAMES.some((name) => (fields[name] ?? '') !== (editing.fields[name] ?? '')));
  const done = () => (care.release(), onDone());
  const save = async (confirmed: boolean) => {
    setMessage(null);
    setIssues({});
    try {
      if (editing.id === null && !confirmed) {
        const found = await call('contacts.similar', { name: fields.name, nativeName: fields.nativeName || null });
        if (found.length) return setSimilar(found);
      }
      if (editing.id === null) await create.mutateAsync(fields);
      else await update.mutateAsync({ ...fields, id: editing.id, version: editing.version });
      done();
    } catch (failure) {
      const error = (failure as AppFailure).error;
      if (error?.kind === 'validation') setIssues(Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message])));
      setMessage(failureMessage(failure));
      care.failed();
    }
  };
  return (
    <form ref={care.ref} className="form panel" noValidate onSubmit={(e) => (e.preventDefault(), void save(false))} data-testid="contact-form">
      <FormMessage message={message} />
      {similar ? (
        <div className="warning" role="alert" data-testid="similar-contacts">
          <p>{t('contacts.similarFound')}</p>
          <ul>
            {similar.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> <NativeName native={s.nativeName} /> {s.organisation ? `· ${s.organisation}` : ''}
              </li>
            ))}
          </ul>
          <div className="actions start">
            <button type="button" onClick={done}>
              {t('contacts.useExisting')}
            </button>
            <button type="button" className="primary" onClick={() => void save(true)}>
              {t('contacts.saveAnyway')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="grid">
        {FIELD_NAMES.map((name) => (
          <Field key={name} name={`contact-${name}`} label={t(`contacts.fields.${name}`)} error={issues[name]} wide={name === 'notes'}>
            <input
              id={`contact-${name}`}
              value={fields[name] ?? ''}
              onChange={(e) => {
                setFields({ ...fields, [name]: e.target.value });
                if (name === 'name' || name === 'nativeName') setSimilar(null);
              }}
            />
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="button" onClick={done}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
