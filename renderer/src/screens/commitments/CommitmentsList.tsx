import { keepPreviousData } from '@tanstack/react-query';
import { Link, NavLink, useNavigate } from 'react-router';
import { OPEN_STATUSES, type CommitmentListInput } from '../../../../shared/contract/commitments.ts';
import { columnIds } from '../../../../shared/lists/columns.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { CommitmentFilters, useCommitmentFilters } from './filters.tsx';
import { money, MoneyList, Progress, StatusBadge } from './parts.tsx';
import { CommitmentTotals } from './CommitmentTotals.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';
import { ListHead } from '../../components/list/ListHead.tsx';
import { Pager } from '../../components/list/Pager.tsx';
import { ExportView } from '../../components/list/ExportView.tsx';
import { rowLink } from '../../components/list/rowLink.ts';

export type CommitmentView = 'open' | 'all' | 'totals';

export function CommitmentTabs({ view }: { view: CommitmentView }) {
  const { t } = useLocale();
  return (
    <nav className="tabs" aria-label={t('commitments.title')}>
      <NavLink to="/commitments" end className={view === 'open' ? 'active' : ''}>
        {t('commitments.viewOpen')}
      </NavLink>
      <NavLink to="/commitments/all" className={view === 'all' ? 'active' : ''}>
        {t('commitments.viewAll')}
      </NavLink>
      <NavLink to="/commitments/totals" className={view === 'totals' ? 'active' : ''}>
        {t('commitments.viewTotals')}
      </NavLink>
    </nav>
  );
}

export function CommitmentsList({ view }: { view: CommitmentView }) {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const { filters, state } = useCommitmentFilters();
  const search = useDebounced(filters.search);
  const open = view === 'open';
  const query = {
    ...filters,
    search,
    // The officers' view: what is still to chase, soonest (or most overdue) first unless sorted otherwise.
    statuses: open ? [...OPEN_STATUSES] : filters.statuses,
    sort: state.sort,
    dir: state.dir,
  } satisfies CommitmentListInput;
  const list = useCall('commitments.list', { ...query, ...state.paging }, { enabled: view !== 'totals', placeholderData: keepPreviousData });
  const rows = list.data?.rows ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <section className="screen list-screen">
      <header className="screen-header">
        <h1>{t('commitments.title')}</h1>
        <div className="header-actions">
          {view !== 'totals' ? <ExportView view={{ list: 'commitments', query, columns: columnIds('commitments') }} /> : null}
          <Link className="button primary" to="/commitments/new">
            {t('commitments.new')}
          </Link>
        </div>
      </header>
      <CommitmentTabs view={view} />
      {open ? <p className="tab-help">{t('commitments.openHelp')}</p> : null}
      <div className="filters" role="search">
        <CommitmentFilters withStatus={view === 'all'} withSearch={view !== 'totals'} />
        {view !== 'totals' ? (
          <span className="count" aria-live="polite">
            {list.data ? t('common.results', { count: list.data.total }) : ''}
          </span>
        ) : null}
      </div>
      {/* A year is what happened in it, as in the annual report: say so where the filter is used. */}
      {filters.year !== undefined ? <p className="tab-help">{t('commitments.yearRule', { year: filters.year })}</p> : null}
      {view === 'totals' ? (
        <CommitmentTotals />
      ) : (
        <>
          <table className="simple-table list-table commitments-table" data-testid="commitments-table">
            <ListHead list="commitments" state={state} classes={{ value: 'num' }} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-commitment-id={r.id} className="clickable" {...rowLink(navigate, `/commitments/${r.id}`)}>
                  <td>
                    <strong>{r.partnerName}</strong>
                    <NativeName native={r.partnerNativeName} />
                  </td>
                  <td className="desc">
                    <span className="kind">{t(`commitments.kind.${r.kind}`)}</span>
                    <Link to={`/commitments/${r.id}`}>{r.description}</Link>
                  </td>
                  <td>{t(`commitments.direction.${r.direction}`)}</td>
                  <td>
                    <Progress delivered={r.delivered} quantity={r.quantity} unit={r.unit} />
                  </td>
                  <td className="num">
                    <MoneyList amounts={money(r.valueMinor, r.currency)} />
                  </td>
                  <td className="date">{r.dueOn ? formatDate(r.dueOn, locale) : t('common.none')}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.isSuccess && rows.length === 0 ? (
            <p className="empty">{filtered ? t('commitments.empty') : open ? t('commitments.emptyOpen') : t('commitments.emptyAll')}</p>
          ) : null}
          <Pager total={list.data?.total} page={state.page} onPage={state.setPage} />
        </>
      )}
    </section>
  );
}
