import { keepPreviousData } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { VISIT_DIRECTIONS, VISIT_STATUSES, type VisitListInput } from '../../../../shared/contract/visits.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../api.ts';
import { SampleBadge } from '../../components/form.tsx';
import { VirtualRows } from '../../components/VirtualRows.tsx';
import { EnumOptions, LocalityOptions } from '../../components/options.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { NativeName } from '../../components/TwoScripts.tsx';
import { twoScripts } from '../../../../shared/names.ts';

const YEARS = Array.from({ length: 15 }, (_, i) => new Date().getFullYear() + 1 - i);

export function VisitsList() {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const debounced = useDebounced(search);
  const get = (k: string) => params.get(k) ?? '';
  const input: VisitListInput = {
    search: debounced || undefined,
    direction: (get('direction') || undefined) as VisitListInput['direction'],
    status: (get('status') || undefined) as VisitListInput['status'],
    year: get('year') ? Number(get('year')) : undefined,
    partnerId: get('partner') ? Number(get('partner')) : undefined,
    agreementId: get('agreement') ? Number(get('agreement')) : undefined,
    archived: get('archived') === '1',
    limit: 10000,
  };
  const list = useCall('visits.list', input, { placeholderData: keepPreviousData });
  const localities = useCall('localities.list', { limit: 10000 });
  const agreements = useCall('agreements.list', { limit: 10000 });
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  const rows = list.data?.rows ?? [];

  return (
    <section className="screen list-screen">
      <header className="screen-header">
        <h1>{t('visits.title')}</h1>
        <Link className="button primary" to="/visits/new">
          {t('visits.new')}
        </Link>
      </header>
      <div className="filters" role="search">
        <input type="search" aria-label={t('common.search')} placeholder={t('visits.searchPlaceholder')} value={search} onChange={(e) => set('q', e.target.value)} />
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
          <input type="checkbox" checked={input.archived} onChange={(e) => set('archived', e.target.checked ? '1' : '')} />
          {t('common.showArchived')}
        </label>
        <span className="count" aria-live="polite">
          {list.data ? t('common.results', { count: list.data.total }) : ''}
        </span>
      </div>
      <div className="table visits-table" role="table">
        <div className="tr thead" role="row">
          <span className="th">{t('visits.fields.startsOn')}</span>
          <span className="th">{t('visits.fields.purpose')}</span>
          <span className="th">{t('visits.fields.localityId')}</span>
          <span className="th">{t('visits.fields.direction')}</span>
          <span className="th">{t('visits.fields.status')}</span>
        </div>
        <VirtualRows rows={rows} idAttribute="data-visit-id" href={(row) => `/visits/${row.id}`} testId="visits-scroll" empty={list.isSuccess && rows.length === 0 ? <p className="empty">{t('visits.empty')}</p> : null}>
          {(row) => (
            <>
              <span role="cell">
                {formatDate(row.startsOn, locale)}
                {row.endsOn !== row.startsOn ? ` – ${formatDate(row.endsOn, locale)}` : ''}
              </span>
              <span role="cell" className="partner-cell">
                <span className="name">{row.purpose}</span>
                <SampleBadge sample={row.sample} />
              </span>
              <span role="cell">
                {row.localityName ?? ''}
                <NativeName native={row.localityNativeName} />
              </span>
              <span role="cell">{t(`visits.direction.${row.direction}`)}</span>
              <span role="cell">
                <span className={`stage visit-${row.status}`}>{t(`visits.status.${row.status}`)}</span>
              </span>
            </>
          )}
        </VirtualRows>
      </div>
    </section>
  );
}
