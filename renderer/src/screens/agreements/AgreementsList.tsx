import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AGREEMENT_SORTS, AGREEMENT_STAGES, type AgreementListInput } from '../../../../shared/contract/agreements.ts';
import { countriesFor, countryName } from '../../../../shared/countries.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { SampleBadge } from '../../components/form.tsx';
import { VirtualRows } from '../../components/VirtualRows.tsx';
import { areaLabel } from '../../components/labels.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { EnumOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';
import { NativeName } from '../../components/TwoScripts.tsx';
import { settingsLink } from '../settings/SettingsSection.tsx';

type Sort = (typeof AGREEMENT_SORTS)[number];

export function AgreementsList() {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const debounced = useDebounced(search);
  const sort = (params.get('sort') as Sort | null) ?? 'partner';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const stage = params.get('stage') ?? '';
  const country = params.get('country') ?? '';
  const areaId = params.get('area') ?? '';
  const archived = params.get('archived') === '1';

  const input: AgreementListInput = {
    search: debounced || undefined,
    stages: stage ? [stage as (typeof AGREEMENT_STAGES)[number]] : undefined,
    country: country || undefined,
    areaId: areaId ? Number(areaId) : undefined,
    archived,
    sort,
    dir,
    limit: 10000,
  };
  const list = useCall('agreements.list', input, { placeholderData: keepPreviousData });
  const areas = useCall('areas.list', {});
  const countries = useMemo(() => countriesFor(locale), [locale]);

  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  const toggleSort = (column: Sort) => {
    setParams(
      (p) => {
        p.set('dir', sort === column && dir === 'asc' ? 'desc' : 'asc');
        p.set('sort', column);
        return p;
      },
      { replace: true },
    );
  };

  const rows = list.data?.rows ?? [];

  const header = (column: Sort, label: string) => (
    <button type="button" className="th" onClick={() => toggleSort(column)} aria-sort={sort === column ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      {label}
      {sort === column ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
    </button>
  );

  return (
    <section className="screen list-screen">
      <header className="screen-header">
        <h1>{t('agreements.title')}</h1>
        <Link className="button primary" to="/agreements/new">
          {t('agreements.new')}
        </Link>
      </header>
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('agreements.searchPlaceholder')}
          value={search}
          onChange={(e) => set('q', e.target.value)}
        />
        <select aria-label={t('fields.stage')} value={stage} onChange={(e) => set('stage', e.target.value)}>
          <option value="">{t('agreements.anyStage')}</option>
          <EnumOptions values={AGREEMENT_STAGES} prefix="stage" />
        </select>
        <select aria-label={t('fields.country')} value={country} onChange={(e) => set('country', e.target.value)}>
          <option value="">{t('agreements.anyCountry')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label={t('fields.areaIds')} value={areaId} onChange={(e) => set('area', e.target.value)}>
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
      <div className="table agreements-table" role="table" aria-rowcount={rows.length}>
        <div className="tr thead" role="row">
          {header('partner', t('fields.partner'))}
          {header('country', t('fields.country'))}
          {header('kind', t('fields.kind'))}
          {header('stage', t('fields.stage'))}
          {header('signedOn', t('fields.signedOn'))}
        </div>
        <VirtualRows rows={rows} idAttribute="data-agreement-id" href={(row) => `/agreements/${row.id}`} testId="agreements-scroll" empty={list.isSuccess && rows.length === 0 ? (
            debounced || stage || country || areaId ? (
              <p className="empty">{t('agreements.empty')}</p>
            ) : (
              <p className="empty">
                {t('firstrun.empty.agreements')} <Link to="/agreements/new">{t('firstrun.empty.createFirst')}</Link> ·{' '}
                <Link to={settingsLink('sample')}>{t('firstrun.empty.loadSample')}</Link>
              </p>
            )
          ) : null}>
          {(row) => (
            <>
              <span role="cell" className="partner-cell">
                <span className="name">{row.partnerName}</span>
                <NativeName native={row.partnerNativeName} country={row.country} />
                <SampleBadge sample={row.sample} />
              </span>
              <span role="cell">{countryName(row.country, locale)}</span>
              <span role="cell">{t(`kind.${row.kind}`)}</span>
              <span role="cell">
                <span className={`stage stage-${row.stage}`}>{t(`stage.${row.stage}`)}</span>
              </span>
              <span role="cell">{formatDate(row.signedOn, locale)}</span>
            </>
          )}
        </VirtualRows>
      </div>
    </section>
  );
}
