import { LIST_COLUMNS, type ListColumn, type ListName } from '../../../../shared/lists/columns.ts';
import { useLocale } from '../../i18n.ts';
import type { Dir, ListState } from './useListState.ts';

/** Sorting for a list drawn as lines rather than a table (Tasks): the same sort keys, chosen from a select. */
export function SortChoice<S extends string>({ list, state }: { list: ListName; state: Pick<ListState<S>, 'sort' | 'dir' | 'set'> }) {
  const { t } = useLocale();
  const columns: readonly ListColumn[] = LIST_COLUMNS[list];
  const sortable = columns.filter((c) => c.sort !== undefined);
  return (
    <>
      <select aria-label={t('lists.sortBy')} value={state.sort} onChange={(e) => state.set('sort', e.target.value)}>
        {sortable.map((c) => (
          <option key={c.sort} value={c.sort}>
            {t(c.label)}
          </option>
        ))}
      </select>
      <select aria-label={t('lists.sortDirection')} value={state.dir} onChange={(e) => state.set('dir', e.target.value as Dir)}>
        <option value="asc">{t('lists.ascending')}</option>
        <option value="desc">{t('lists.descending')}</option>
      </select>
    </>
  );
}
