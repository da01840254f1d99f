import { keepPreviousData } from '@tanstack/react-query';
import { Link, NavLink, useNavigate } from 'react-router';
import { OPEN_STATUSES } from '../../../../shared/contract/commitments.ts';
import { formatDate, formatNumber } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { CommitmentFilters, useCommitmentFilters } from './filters.tsx';
import { money, MoneyList, Progress, StatusBadge } from './parts.tsx';
import { CommitmentTotals } from './CommitmentTotals.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';

const PAGE = 500;
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
  const { filters } = useCommitmentFilters();
  const search = useDebounced(filters.search);
  const open = view === 'open';
  const input = {
    ...filters,
    search,
    // The officers' view: what is still to chase, soonest (or most overdue) first.
    statuses: open ? [...OPEN_STATUSES] : filters.statuses,
    sort: 'dueOn' as const,
    dir: 'asc' as const,
    limit: PAGE,
  };
  const list = useCall('commitments.list', input, { enabled: view !== 'totals', placeholderData: keepPreviousData });
  const rows = list.data?.rows ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <section className="screen list-screen">
      <header className="screen-header">
        <h1>{t('commitments.title')}</h1>
        <Link className="button primary" to="/commitments/new">
          {t('commitments.new')}
        </Link>
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
          <table className="simple-table commitments-table" data-testid="commitments-table">
            <thead>
              <tr>
                <th>{t('commitments.fields.partner')}</th>
                <th>{t('commitments.fields.description')}</th>
                <th>{t('commitments.fields.direction')}</th>
                <th>{t('commitments.fields.delivered')}</th>
                <th className="num">{t('commitments.fields.value')}</th>
                <th>{t('commitments.fields.dueOn')}</th>
                <th>{t('commitments.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  data-commitment-id={r.id}
                  tabIndex={0}
                  onClick={() => navigate(`/commitments/${r.id}`)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') navigate(`/commitments/${r.id}`);
                  }}
                >
                  <td>
                    <strong>{r.partnerName}</strong>
                    <NativeName native={r.partnerNativeName} />
                  </td>
                  <td className="desc">
                    <span className="kind">{t(`commitments.kind.${r.kind}`)}</span>
                    {r.description}
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
          {list.data && list.data.total > rows.length ? (
            <p className="table-note">{t('commitments.showing', { shown: formatNumber(rows.length, locale), total: formatNumber(list.data.total, locale) })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
