import { useState } from 'react';
import { COMMITMENT_STATUSES, TOTAL_GROUPS, type TotalGroup, type TotalsRow } from '../../../../shared/contract/commitments.ts';
import { formatNumber } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { EnumOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';
import { useCommitmentFilters } from './filters.tsx';
import { MoneyList } from './parts.tsx';
import { NativeName } from '../../components/TwoScripts.tsx';

/** Counts and money per agreement, partner, year, kind or direction; each currency on its own line. */
export function CommitmentTotals() {
  const { t, locale } = useLocale();
  const { filters } = useCommitmentFilters();
  const [groupBy, setGroupBy] = useState<TotalGroup>('agreement');
  const { search: _search, ...rest } = filters;
  const totals = useCall('commitments.totals', { ...rest, groupBy });

  const label = (r: TotalsRow) => {
    if (groupBy === 'kind') return t(`commitments.kind.${r.key}`);
    if (groupBy === 'direction') return t(`commitments.direction.${r.key}`);
    if (groupBy === 'year') return r.key;
    return (
      <>
        <strong>{r.label}</strong>
        <NativeName native={r.nativeLabel} />
      </>
    );
  };

  return (
    <div>
      <div className="filters">
        <label className="check">
          {t('commitments.groupBy')}
          <select aria-label={t('commitments.groupBy')} value={groupBy} onChange={(e) => setGroupBy(e.target.value as TotalGroup)}>
            <EnumOptions values={TOTAL_GROUPS} prefix="commitments.group" />
          </select>
        </label>
        <span className="muted">{t('commitments.totalsNote')}</span>
      </div>
      <table className="simple-table commitments-table" data-testid="commitment-totals">
        <thead>
          <tr>
            <th>{t(`commitments.group.${groupBy}`)}</th>
            <th className="num">{t('commitments.totalCount')}</th>
            <th>{t('commitments.fields.status')}</th>
            <th className="num">{t('commitments.promisedValue')}</th>
            <th className="num">{rest.year === undefined ? t('commitments.deliveredValue') : t('commitments.deliveredInYear', { year: String(rest.year) })}</th>
          </tr>
        </thead>
        <tbody>
          {(totals.data ?? []).map((r) => (
            <tr key={r.key} className="static">
              <td>{label(r)}</td>
              <td className="num">{formatNumber(r.commitments, locale)}</td>
              <td>
                <span className="by-status">
                  {COMMITMENT_STATUSES.filter((s) => r.byStatus[s] > 0).map((s) => (
                    <span key={s} className={`status status-${s}`}>
                      {t(`commitments.status.${s}`)}: {formatNumber(r.byStatus[s], locale)}
                    </span>
                  ))}
                </span>
              </td>
              <td className="num">
                <MoneyList amounts={r.promised} />
              </td>
              <td className="num">
                <MoneyList amounts={r.delivered} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {totals.isSuccess && totals.data.length === 0 ? <p className="empty">{t('commitments.empty')}</p> : null}
    </div>
  );
}
