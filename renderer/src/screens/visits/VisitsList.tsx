import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { VISIT_DIRECTIONS, VISIT_SORTS, VISIT_STATUSES, type VisitListInput } from '../../../../shared/contract/visits.ts';
import { columnIds } from '../../../../shared/lists/columns.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { SampleBadge } from '../../components/form.tsx';
import { EnumOptions, LocalityOptions } from '../../components/options.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { NativeName } from '../../components/TwoScripts.tsx';
import { twoScripts } from '../../../../shared/names.ts';
import { useListState } from '../../components/list/useListState.ts';
import { ListHead } from '../../components/list/ListHead.tsx';
import { Pager } from '../../components/list/Pager.tsx';
import { ExportView } from '../../components/list/ExportView.tsx';
import { rowLink } from '../../components/list/rowLink.ts';

const YEARS = Array.from({ length: 15 }, (_, i) => new Date().getFullYear() + 1 - i);

export function VisitsList() {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const state = useListState(VISIT_SORTS, { sort: 'startsOn', dir: 'desc' });
  const { get, set } = state;
  const search = get('q');
  const debounced = useDebounced(search);
  const query = {
    search: debounced || undefined,
    direction: (get('direction') || undefined) as VisitListInput['direction'],
    status: (get('status') || undefined) as VisitListInput['status'],
    year: get('year') ? Number(get('year')) : undefined,
    partnerId: get('partner') ? Number(get('partner')) : undefined,
    agreementId: get('agreement') ? Number(get('agreement')) : undefined,
    archived: get('archived') === '1',
    sort: state.sort,
    dir: state.dir,
  } satisfies VisitListInput;
  const list = useCall('visits.list', { ...query, ...state.paging }, { placeholderData: keepPreviousData });
  const localities = useCall('localities.list', { limit: 10000 });
  const agreements = useCall('agreements.list', { limit: 10000 });
  const rows = list.data?.rows ?? [];

  return (
    <section className="screen list-screen">
      <header className="screen-header">
        <h1>{t('visits.title')}</h1>
        <div className="header-actions">
          <ExportView view={{ list: 'visits', query, columns: columnIds('visits') }} />
          <Link className="button primary" to="/visits/new">
            {t('visits.new')}
          </Link>
        </div>
      </header>
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('visits.searchPlaceholder')}
          value={search}
          onChange={(e) => set('q', e.target.value)}
        />
        <select aria-label={t('visits.fields.direction')} value={get('direction')} onChange={(e) => set('direction', e.target.value)}>
          <option value="">{t('visits.anyDirection')}</option>
          <EnumOptions values={VISIT_DIRECTIONS} prefix="visits.direction" />
        </select>
        <select aria-label={t('visits.fields.status')} value={get('status')} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('visits.anyStatus')}</option>
          <EnumOptions values={VISIT_STATUSES} prefix="visits.status" />
        </select>
        <select aria-label={t('visits.year')} value={get('year')} onChange={(e) => set('year', e.target.value)}>
          <option value="">{t('visits.anyYear')}</option>
          {YEARS.map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
        <select aria-label={t('visits.partner')} value={get('partner')} onChange={(e) => set('partner', e.target.value)}>
          <option value="">{t('visits.anyPartner')}</option>
          <LocalityOptions localities={localities.data} />
        </select>
        <select aria-label={t('visits.fields.agreementIds')} value={get('agreement')} onChange={(e) => set('agreement', e.target.value)}>
          <option value="">{t('visits.anyAgreement')}</option>
          {(agreements.data?.rows ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {twoScripts(a.partnerName, a.partnerNativeName)} ({t(`kind.${a.kind}`)})
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={query.archived} onChange={(e) => set('archived', e.target.checked ? '1' : '')} />
          {t('common.showArchived')}
        </label>
        <span className="count" aria-live="polite">
          {list.data ? t('common.results', { count: list.data.total }) : ''}
        </span>
      </div>
      <table className="simple-table list-table visits-table" data-testid="visits-table">
        <ListHead list="visits" state={state} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-visit-id={row.id} className={row.archivedAt ? 'clickable archived' : 'clickable'} {...rowLink(navigate, `/visits/${row.id}`)}>
              <td className="date">
                {formatDate(row.startsOn, locale)}
                {row.endsOn !== row.startsOn ? ` – ${formatDate(row.endsOn, locale)}` : ''}
              </td>
              <td className="partner-cell">
                <Link className="name" to={`/visits/${row.id}`}>
                  {row.purpose}
                </Link>
                <SampleBadge sample={row.sample} />
              </td>
              <td>
                {row.localityName ?? ''}
                <NativeName native={row.localityNativeName} />
              </td>
              <td>{t(`visits.direction.${row.direction}`)}</td>
              <td>
                <span className={`stage visit-${row.status}`}>{t(`visits.status.${row.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isSuccess && rows.length === 0 ? <p className="empty">{t('visits.empty')}</p> : null}
      <Pager total={list.data?.total} page={state.page} onPage={state.setPage} />
    </section>
  );
}
