import {
  COMMITMENT_KINDS,
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  DIRECTIONS,
  commitmentList,
  type CommitmentListInput,
} from '../../../../shared/contract/commitments.ts';
import { useCall } from '../../api.ts';
import { numberParam, textParam } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { areaLabel } from '../../components/labels.ts';
import { EnumOptions } from '../../components/options.tsx';
import { RecordFilter } from '../../components/list/RecordFilter.tsx';
import { useLocale } from '../../i18n.ts';

const FIRST_YEAR = 2000;

/** The list's filters live in the URL, so a filtered view survives reload and can be shared. */
export function useCommitmentFilters() {
  const state = useListState(COMMITMENT_SORTS, { sort: 'dueOn', dir: 'asc' });
  const { params, set } = state;
  const shape = commitmentList.shape;
  const status = textParam(shape.statuses.unwrap().element, params.get('status'));
  const filters: Omit<CommitmentListInput, 'sort' | 'dir' | 'limit' | 'offset'> = {
    search: params.get('q') || undefined,
    statuses: status ? [status] : undefined,
    kind: textParam(shape.kind, params.get('kind')),
    direction: textParam(shape.direction, params.get('direction')),
    areaId: numberParam(shape.areaId, params.get('area')),
    partnerId: numberParam(shape.partnerId, params.get('partner')),
    year: numberParam(shape.year, params.get('year')),
  };
  return { params, filters, set, state };
}

export function CommitmentFilters({ withStatus, withSearch }: { withStatus: boolean; withSearch: boolean }) {
  const { t } = useLocale();
  const { params, filters, set } = useCommitmentFilters();
  const areas = useCall('areas.list', {});
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 6 - FIRST_YEAR }, (_, i) => thisYear + 5 - i);
  // A select shows what the list is filtered by: a value the URL held but the contract refused shows as "any".
  const shown: Record<string, string> = {
    status: filters.statuses?.[0] ?? '',
    kind: filters.kind ?? '',
    direction: filters.direction ?? '',
    area: filters.areaId ? String(filters.areaId) : '',
    year: filters.year ? String(filters.year) : '',
  };
  const select = (key: string, label: string, any: string, options: React.ReactNode) => (
    <select aria-label={label} value={shown[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
      <option value="">{any}</option>
      {options}
    </select>
  );
  return (
    <>
      {withSearch ? (
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('commitments.searchPlaceholder')}
          value={params.get('q') ?? ''}
          onChange={(e) => set('q', e.target.value)}
        />
      ) : null}
      {withStatus
        ? select('status', t('commitments.fields.status'), t('commitments.anyStatus'), <EnumOptions values={COMMITMENT_STATUSES} prefix="commitments.status" />)
        : null}
      {select('kind', t('commitments.fields.kind'), t('commitments.anyKind'), <EnumOptions values={COMMITMENT_KINDS} prefix="commitments.kind" />)}
      {select(
        'direction',
        t('commitments.fields.direction'),
        t('commitments.anyDirection'),
        <EnumOptions values={DIRECTIONS} prefix="commitments.direction" />,
      )}
      {select(
        'area',
        t('commitments.fields.areaId'),
        t('commitments.anyArea'),
        (areas.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {areaLabel(t, a)}
          </option>
        )),
      )}
      <RecordFilter
        kind="locality"
        id="commitments-partner"
        label={t('commitments.fields.partner')}
        any={t('commitments.anyPartner')}
        value={filters.partnerId}
        onChange={(v) => set('partner', v)}
      />
      {select(
        'year',
        t('commitments.fields.year'),
        t('commitments.anyYear'),
        years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        )),
      )}
    </>
  );
}
