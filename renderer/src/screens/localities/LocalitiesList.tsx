import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Locality } from '../../../../shared/contract/localities.ts';
import { countryName } from '../../../../shared/countries.ts';
import { useCall, useMutate } from '../../api.ts';
import { FormMessage, SampleBadge, useAction } from '../../components/form.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { LocalityForm } from './LocalityForm.tsx';
import { useUndoableMutate } from '../../components/undo.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';

export function LocalitiesList() {
  const { t, locale } = useLocale();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const debounced = useDebounced(search);
  const list = useCall('localities.list', { search: debounced || undefined, includeArchived: showArchived, limit: 10000 }, { placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<Locality | 'new' | null>(null);
  const archive = useUndoableMutate('localities.archive');
  const confirm = useConfirm();
  const restore = useMutate('localities.restore');
  const { message, act } = useAction();
  // A duplicate warning links here (?open=ID): the place is opened for editing, archived or not.
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('open')) || null;
  const opened = useCall('localities.get', { id: openId ?? 0 }, { enabled: openId !== null });
  useEffect(() => {
    if (!opened.data) return;
    setEditing(opened.data);
    setParams({}, { replace: true });
  }, [opened.data, setParams]);

  const toggle = (l: Locality) =>
    act(async () => {
      if (l.archivedAt) await restore.mutateAsync({ id: l.id });
      else if (await confirm({ title: t('common.confirmArchive'), action: t('confirm.archiveLocality'), destructive: true })) await archive.run({ id: l.id }, l.name);
    });

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('localities.title')}</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('localities.new')}
        </button>
      </header>
      {editing ? (
        <div className="panel" role="dialog" aria-label={editing === 'new' ? t('localities.new') : t('localities.edit')}>
          <h2>{editing === 'new' ? t('localities.new') : t('localities.edit')}</h2>
          <LocalityForm
            {...(editing === 'new' ? {} : { locality: editing })}
            onCancel={() => setEditing(null)}
            onSaved={() => setEditing(null)}
          />
        </div>
      ) : null}
      <FormMessage message={message} />
      <div className="filters" role="search">
        <input type="search" aria-label={t('common.search')} placeholder={t('localities.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('common.showArchived')}
        </label>
      </div>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('fields.name')}</th>
            <th>{t('fields.nativeName')}</th>
            <th>{t('fields.country')}</th>
            <th>{t('fields.level')}</th>
            <th>{t('fields.parentId')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((l) => (
            <tr key={l.id} className={l.archivedAt ? 'archived' : ''}>
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
                <button type="button" onClick={() => setEditing(l)}>
                  {t('common.edit')}
                </button>
                <button type="button" onClick={() => void toggle(l)}>
                  {l.archivedAt ? t('common.restore') : t('common.archive')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isSuccess && list.data.length === 0 ? <p className="empty">{t('localities.empty')}</p> : null}
    </section>
  );
}
