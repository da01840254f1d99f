import {
  COMMITMENT_KINDS,
  COMMITMENT_SORTS,
  COMMITMENT_STATUSES,
  DIRECTIONS,
  type CommitmentKind,
  type CommitmentListInput,
  type CommitmentStatus,
  type Direction,
} from '../../../../shared/contract/commitments.ts';
import { useCall } from '../../api.ts';
import { useListState } from '../../components/list/useListState.ts';
import { areaLabel } from '../../components/labels.ts';
import { EnumOptions } from '../../components/options.tsx';
import { useLocale } from '../../i18n.ts';
import { twoScripts } from '../../../../shared/names.ts';

const FIRST_YEAR = 2000;

/** The list's filters live in the URL, so a filtered view survives reload and can be shared. */
export function useCommitmentFilters() {
  const state = useListState(COMMITMENT_SORTS, { sort: 'dueOn', dir: 'asc' });
  const { params, set } = state;
  const num = (key: string) => (params.get(key) ? Number(params.get(key)) : undefined);
  const filters: Omit<CommitmentListInput, 'sort' | 'dir' | 'limit' | 'offset'> = {
    search: params.get('q') || undefined,
    statuses: params.get('status') ? [params.get('status') as CommitmentStatus] : undefined,
    kind: (params.get('kind') as CommitmentKind | null) || undefined,
    direction: (params.get('direction') as Direction | null) || undefined,
    areaId: num('area'),
    partnerId: num('partner'),
    year: num('year'),
  };
  return { params, filters, set, state };
}

export function CommitmentFilters({ withStatus, withSearch }: { withStatus: boolean; withSearch: boolean }) {
  const { t } = useLocale();
  const { params, set } = useCommitmentFilters();
  const areas = useCall('areas.list', {});
  const partners = useCall('localities.list', { limit: 10000 });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 6 - FIRST_YEAR }, (_, i) => thisYear + 5 - i);
  const select = (key: string, label: string, any: string, options: React.ReactNode) => (
    <select aria-label={label} value={params.get(key) ?? ''} onChange={(e) => set(key, e.target.value)}>
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
      {select(
        'partner',
        t('commitments.fields.partner'),
        t('commitments.anyPartner'),
        (partners.data ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {twoScripts(l.name, l.nativeName)}
          </option>
        )),
      )}
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
