import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { LOCALITY_SORTS, type Locality, type LocalityPageInput } from '../../../../shared/contract/localities.ts';
import { columnIds } from '../../../../shared/lists/columns.ts';
import { twoScripts } from '../../../../shared/names.ts';
import { Link } from 'react-router';
import { countryName } from '../../../../shared/countries.ts';
import { useCall, useMutate } from '../../api.ts';
import { FormMessage, SampleBadge, useAction } from '../../components/form.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { LocalityForm } from './LocalityForm.tsx';
import { useUndoableMutate } from '../../components/undo.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';
import { useListState } from '../../components/list/useListState.ts';
import { ListHead } from '../../components/list/ListHead.tsx';
import { Pager } from '../../components/list/Pager.tsx';
import { ExportView } from '../../components/list/ExportView.tsx';
import { RowMenu, type RowAction } from '../../components/list/RowMenu.tsx';

export function LocalitiesList() {
  const { t, locale } = useLocale();
  const state = useListState(LOCALITY_SORTS, { sort: 'name', dir: 'asc' });
  const { get, set } = state;
  const search = get('q');
  const showArchived = get('archived') === '1';
  const debounced = useDebounced(search);
  const query = { search: debounced || undefined, includeArchived: showArchived, sort: state.sort, dir: state.dir } satisfies LocalityPageInput;
  const list = useCall('localities.page', { ...query, ...state.paging }, { placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<Locality | 'new' | null>(null);
  const archive = useUndoableMutate('localities.archive');
  const confirm = useConfirm();
  const restore = useMutate('localities.restore');
  const { message, act } = useAction();
  // A duplicate warning links here (?open=ID): the place is opened for editing, archived or not.
  const openId = Number(get('open')) || null;
  const opened = useCall('localities.get', { id: openId ?? 0 }, { enabled: openId !== null });
  useEffect(() => {
    if (!opened.data) return;
    setEditing(opened.data);
    set('open', '');
    // `set` is a new function each render; the record opened is what matters.
  }, [opened.data]);

  const toggle = (l: Locality) =>
    act(async () => {
      if (l.archivedAt) await restore.mutateAsync({ id: l.id });
      else if (await confirm({ title: t('common.confirmArchive'), action: t('confirm.archiveLocality'), destructive: true }))
        await archive.run({ id: l.id }, l.name);
    });

  const actions = (l: Locality): RowAction[] => [
    { id: 'edit', label: t('common.edit'), run: () => setEditing(l) },
    {
      id: l.archivedAt ? 'restore' : 'archive',
      label: l.archivedAt ? t('common.restore') : t('common.archive'),
      danger: !l.archivedAt,
      run: () => void toggle(l),
    },
  ];

  return (
    <section className="screen list-screen">
      <header className="screen-header">
        <h1>{t('localities.title')}</h1>
        <div className="header-actions">
          <ExportView view={{ list: 'localities', query, columns: columnIds('localities') }} />
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('localities.new')}
          </button>
        </div>
      </header>
      {editing ? (
        <div className="panel" role="dialog" aria-label={editing === 'new' ? t('localities.new') : t('localities.edit')}>
          <h2>{editing === 'new' ? t('localities.new') : t('localities.edit')}</h2>
          <LocalityForm {...(editing === 'new' ? {} : { locality: editing })} onCancel={() => setEditing(null)} onSaved={() => setEditing(null)} />
        </div>
      ) : null}
      <FormMessage message={message} />
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('localities.searchPlaceholder')}
          value={search}
          onChange={(e) => set('q', e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => set('archived', e.target.checked ? '1' : '')} />
          {t('common.showArchived')}
        </label>
        <span className="count" aria-live="polite">
          {list.data ? t('common.results', { count: list.data.total }) : ''}
        </span>
      </div>
      <table className="simple-table list-table localities-table" data-testid="localities-table">
        <ListHead list="localities" state={state} actions />
        <tbody>
          {(list.data?.rows ?? []).map((l) => (
            <tr key={l.id} className={l.archivedAt ? 'archived' : ''} data-locality-id={l.id}>
              <td>
                <Link to={`/localities/${l.id}`}>{l.name}</Link> <SampleBadge sample={l.sample} />
              </td>
              <td>
                <NativeName native={l.nativeName} country={l.country} />
              </td>
              <td>{countryName(l.country, locale)}</td>
              <td>{t(`level.${l.level}`)}</td>
              <td>{l.parentName}</td>
              <td className="row-actions">
                <RowMenu name={twoScripts(l.name, l.nativeName)} actions={actions(l)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isSuccess && list.data.rows.length === 0 ? <p className="empty">{t('localities.empty')}</p> : null}
      <Pager total={list.data?.total} page={state.page} onPage={state.setPage} />
    </section>
  );
}
