import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { VISIT_DIRECTIONS, VISIT_SORTS, VISIT_STATUSES, visitList, type VisitListInput } from '../../../../shared/contract/visits.ts';
import { columnIds } from '../../../../shared/lists/columns.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { SampleBadge } from '../../components/form.tsx';
import { EnumOptions } from '../../components/options.tsx';
import { numberParam, textParam } from '../../components/list/params.ts';
import { RecordFilter } from '../../components/list/RecordFilter.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { NativeName } from '../../components/TwoScripts.tsx';
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
    direction: textParam(visitList.shape.direction, get('direction')),
    status: textParam(visitList.shape.status, get('status')),
    year: numberParam(visitList.shape.year, get('year')),
    partnerId: numberParam(visitList.shape.partnerId, get('partner')),
    agreementId: numberParam(visitList.shape.agreementId, get('agreement')),
    archived: get('archived') === '1',
    sort: state.sort,
    dir: state.dir,
  } satisfies VisitListInput;
  const list = useCall('visits.list', { ...query, ...state.paging }, { placeholderData: keepPreviousData });
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
        <select aria-label={t('visits.fields.direction')} value={query.direction ?? ''} onChange={(e) => set('direction', e.target.value)}>
          <option value="">{t('visits.anyDirection')}</option>
          <EnumOptions values={VISIT_DIRECTIONS} prefix="visits.direction" />
        </select>
        <select aria-label={t('visits.fields.status')} value={query.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('visits.anyStatus')}</option>
          <EnumOptions values={VISIT_STATUSES} prefix="visits.status" />
        </select>
        <select aria-label={t('visits.year')} value={query.year ?? ''} onChange={(e) => set('year', e.target.value)}>
          <option value="">{t('visits.anyYear')}</option>
          {YEARS.map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
        <RecordFilter
          kind="locality"
          id="visits-partner"
          label={t('visits.partner')}
          any={t('visits.anyPartner')}
          value={query.partnerId}
          onChange={(v) => set('partner', v)}
        />
        {/* With a partner chosen, only its agreements are offered. */}
        <RecordFilter
          kind="agreement"
          id="visits-agreement"
          label={t('visits.fields.agreementIds')}
          any={t('visits.anyAgreement')}
          partnerId={query.partnerId}
          value={query.agreementId}
          onChange={(v) => set('agreement', v)}
        />
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
