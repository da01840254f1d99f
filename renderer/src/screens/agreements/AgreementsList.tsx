import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { AGREEMENT_SORTS, AGREEMENT_STAGES, agreementList, type AgreementListInput } from '../../../../shared/contract/agreements.ts';
import { countriesFor, countryName } from '../../../../shared/countries.ts';
import { formatDate } from '../../../../shared/format.ts';
import { columnIds } from '../../../../shared/lists/columns.ts';
import { useCall } from '../../api.ts';
import { SampleBadge } from '../../components/form.tsx';
import { areaLabel } from '../../components/labels.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { EnumOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';
import { NativeName } from '../../components/TwoScripts.tsx';
import { numberParam, textParam } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { ListHead } from '../../components/list/ListHead.tsx';
import { Pager } from '../../components/list/Pager.tsx';
import { ExportView } from '../../components/list/ExportView.tsx';
import { rowLink } from '../../components/list/rowLink.ts';
import { settingsLink } from '../settings/SettingsSection.tsx';

export function AgreementsList() {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const state = useListState(AGREEMENT_SORTS, { sort: 'partner', dir: 'asc' });
  const { get, set, sort, dir } = state;
  const search = get('q');
  const debounced = useDebounced(search);
  const stage = textParam(agreementList.shape.stages.unwrap().element, get('stage'));
  const country = textParam(agreementList.shape.country.unwrap(), get('country'));
  const areaId = numberParam(agreementList.shape.areaId, get('area'));
  const archived = get('archived') === '1';

  const query = {
    search: debounced || undefined,
    stages: stage ? [stage] : undefined,
    country,
    areaId,
    archived,
    sort,
    dir,
  } satisfies AgreementListInput;
  const list = useCall('agreements.list', { ...query, ...state.paging }, { placeholderData: keepPreviousData });
  const areas = useCall('areas.list', {});
  const countries = useMemo(() => countriesFor(locale), [locale]);
  const rows = list.data?.rows ?? [];

  return (
    <section className="screen list-screen">
      <header className="screen-header">
        <h1>{t('agreements.title')}</h1>
        <div className="header-actions">
          <ExportView view={{ list: 'agreements', query, columns: columnIds('agreements') }} />
          <Link className="button primary" to="/agreements/new">
            {t('agreements.new')}
          </Link>
        </div>
      </header>
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('agreements.searchPlaceholder')}
          value={search}
          onChange={(e) => set('q', e.target.value)}
        />
        <select aria-label={t('fields.stage')} value={stage ?? ''} onChange={(e) => set('stage', e.target.value)}>
          <option value="">{t('agreements.anyStage')}</option>
          <EnumOptions values={AGREEMENT_STAGES} prefix="stage" />
        </select>
        <select aria-label={t('fields.country')} value={country ?? ''} onChange={(e) => set('country', e.target.value)}>
          <option value="">{t('agreements.anyCountry')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label={t('fields.areaIds')} value={areaId ?? ''} onChange={(e) => set('area', e.target.value)}>
          <option value="">{t('agreements.anyArea')}</option>
          {(areas.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {areaLabel(t, a)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => set('archived', e.target.checked ? '1' : '')} />
          {t('common.showArchived')}
        </label>
        <span className="count" aria-live="polite">
          {list.data ? t('common.results', { count: list.data.total }) : ''}
        </span>
      </div>
      <table className="simple-table list-table agreements-table" data-testid="agreements-table">
        <ListHead list="agreements" state={state} />
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-agreement-id={row.id}
              className={row.archivedAt ? 'clickable archived' : 'clickable'}
              {...rowLink(navigate, `/agreements/${row.id}`)}
            >
              <td className="partner-cell">
                <Link className="name" to={`/agreements/${row.id}`}>
                  {row.partnerName}
                </Link>
                <NativeName native={row.partnerNativeName} country={row.country} />
                <SampleBadge sample={row.sample} />
              </td>
              <td>{countryName(row.country, locale)}</td>
              <td>{t(`kind.${row.kind}`)}</td>
              <td>
                <span className={`stage stage-${row.stage}`}>{t(`stage.${row.stage}`)}</span>
              </td>
              <td className="date">{formatDate(row.signedOn, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.isSuccess && rows.length === 0 ? (
        debounced || stage || country || areaId ? (
          <p className="empty">{t('agreements.empty')}</p>
        ) : (
          <p className="empty">
            {t('firstrun.empty.agreements')} <Link to="/agreements/new">{t('firstrun.empty.createFirst')}</Link> ·{' '}
            <Link to={settingsLink('sample')}>{t('firstrun.empty.loadSample')}</Link>
          </p>
        )
      ) : null}
      <Pager total={list.data?.total} page={state.page} onPage={state.setPage} />
    </section>
  );
}
