import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { AppFailure } from '../../../../shared/contract/result.ts';
import { CONTACT_SORTS, type ContactFields, type ContactListInput, type ContactRow, type SimilarContact } from '../../../../shared/contract/contacts.ts';
import { columnIds } from '../../../../shared/lists/columns.ts';
import { twoScripts } from '../../../../shared/names.ts';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { call, useCall, useMutate } from '../../api.ts';
import { failureMessage, Field, FormMessage, SampleBadge, useAction } from '../../components/form.tsx';
import { RecordPicker } from '../../components/RecordPicker.tsx';
import { useFormCare } from '../../components/form-care.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { useUndoableMutate } from '../../components/undo.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { useListState } from '../../components/list/useListState.ts';
import { ListHead } from '../../components/list/ListHead.tsx';
import { Pager } from '../../components/list/Pager.tsx';
import { ExportView } from '../../components/list/ExportView.tsx';
import { RowMenu, type RowAction } from '../../components/list/RowMenu.tsx';

const EMPTY: ContactFields = { name: '', nativeName: '', title: '', organisation: '', localityId: null, languages: '', email: '', phone: '', notes: '' };

export function ContactsScreen() {
  const { t } = useLocale();
  const state = useListState(CONTACT_SORTS, { sort: 'name', dir: 'asc' });
  const { get, set } = state;
  const search = get('q');
  const archived = get('archived') === '1';
  const debounced = useDebounced(search);
  const query = { search: debounced || undefined, archived, sort: state.sort, dir: state.dir } satisfies ContactListInput;
  const list = useCall('contacts.list', { ...query, ...state.paging }, { placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<{ id: number | null; version: number; fields: ContactFields } | null>(null);
  const archive = useUndoableMutate('contacts.archive');
  const restore = useMutate('contacts.restore');
  const remove = useUndoableMutate('contacts.delete');
  const confirm = useConfirm();
  const { message, act } = useAction();
  const edit = async (id: number) => {
    const c = await call('contacts.get', { id });
    setEditing({ id, version: c.version, fields: { ...c } });
  };
  const actions = (c: ContactRow): RowAction[] => {
    const name = twoScripts(c.name, c.nativeName);
    return [
      { id: 'edit', label: t('common.edit'), run: () => void act(() => edit(c.id)) },
      c.archivedAt
        ? { id: 'restore', label: t('common.restore'), run: () => void act(() => restore.mutateAsync({ id: c.id })) }
        : {
            id: 'archive',
            label: t('common.archive'),
            run: () =>
              void act(async () => {
                if (await confirm({ title: t('lists.confirmArchiveContact', { name }), action: t('lists.archiveContact'), destructive: true }))
                  await archive.run({ id: c.id }, c.name);
              }),
          },
      {
        id: 'delete',
        label: t('lists.delete'),
        danger: true,
        run: () =>
          void act(async () => {
            if (await confirm({ title: t('lists.confirmDeleteContact', { name }), action: t('lists.deleteContact'), destructive: true }))
              await remove.run({ id: c.id }, c.name);
          }),
      },
    ];
  };
  return (
    <section className="screen list-screen contacts-screen">
      <header className="screen-header">
        <h1>{t('contacts.title')}</h1>
        <div className="header-actions">
          <ExportView view={{ list: 'contacts', query, columns: columnIds('contacts') }} />
          <button type="button" className="primary" onClick={() => setEditing({ id: null, version: 0, fields: EMPTY })}>
            {t('contacts.new')}
          </button>
        </div>
      </header>
      {editing ? <ContactForm key={editing.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} /> : null}
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('contacts.searchPlaceholder')}
          value={search}
          onChange={(e) => set('q', e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => set('archived', e.target.checked ? '1' : '')} />
          {t('common.showArchived')}
        </label>
        <span className="count" aria-live="polite">
          {list.data ? t('common.results', { count: list.data.total }) : ''}
        </span>
      </div>
      <FormMessage message={message} />
      <table className="simple-table list-table contacts-table" data-testid="contacts-table">
        <ListHead list="contacts" state={state} actions />
        <tbody>
          {(list.data?.rows ?? []).map((c) => (
            <tr key={c.id} className={c.archivedAt ? 'archived' : ''} data-contact-id={c.id}>
              <td>
                <Link to={`/contacts/${c.id}`}>
                  <strong>{c.name}</strong>
                </Link>
                <NativeName native={c.nativeName} />
                <SampleBadge sample={c.sample} />
              </td>
              <td>{c.title}</td>
              <td>{c.organisation}</td>
              <td className="email">{c.email}</td>
              <td className="row-actions">
                <RowMenu name={twoScripts(c.name, c.nativeName)} actions={actions(c)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isSuccess && list.data.rows.length === 0 ? <p className="empty">{t('lists.noneFound')}</p> : null}
      <Pager total={list.data?.total} page={state.page} onPage={state.setPage} />
    </section>
  );
}

const FIELD_NAMES = ['name', 'nativeName', 'title', 'organisation', 'languages', 'email', 'phone', 'notes'] as const;
/** The text fields shown before the locality (who the person is, where they work); the rest after it. */
const BEFORE_LOCALITY = 4;

/** Before saving a new contact, names within a few letters of it are offered, so nobody is entered twice. */
export function ContactForm({ editing, onDone }: { editing: { id: number | null; version: number; fields: ContactFields }; onDone: () => void }) {
  const { t } = useLocale();
  const [fields, setFields] = useState<ContactFields>(editing.fields);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [similar, setSimilar] = useState<SimilarContact[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutate('contacts.create');
  const update = useMutate('contacts.update');
  const care = useFormCare(
    FIELD_NAMES.some((name) => (fields[name] ?? '') !== (editing.fields[name] ?? '')) || (fields.localityId ?? null) !== (editing.fields.localityId ?? null),
  );
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
      const error = failure instanceof AppFailure ? failure.error : undefined;
      if (error?.kind === 'validation') setIssues(Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message])));
      setMessage(failureMessage(failure));
      care.failed();
    }
  };
  const textField = (name: (typeof FIELD_NAMES)[number]) => (
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
  );
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
        {FIELD_NAMES.slice(0, BEFORE_LOCALITY).map(textField)}
        {/* Where the person is from: the partner they belong to, searched like every other record. */}
        <Field name="contact-localityId" label={t('contacts.fields.localityId')} group>
          <RecordPicker
            kind="locality"
            id="contact-localityId"
            aria-labelledby="contact-localityId-label"
            value={fields.localityId ?? null}
            error={issues.localityId}
            onChange={(localityId) => setFields({ ...fields, localityId })}
          />
        </Field>
        {FIELD_NAMES.slice(BEFORE_LOCALITY).map(textField)}
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
