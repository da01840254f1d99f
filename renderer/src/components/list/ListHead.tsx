import { LIST_COLUMNS, type ColumnId, type ListName } from '../../../../shared/lists/columns.ts';
import { useLocale } from '../../i18n.ts';
import type { ListState } from './useListState.ts';

/**
 * The header row of a list table from the list's column definitions. A sortable column's header
 * cell carries `aria-sort` and holds a button that sorts by it (the button itself has no sort state:
 * screen readers announce it from the cell). A column of row menus gets a name too, never an empty cell.
 */
export function ListHead<L extends ListName, S extends string>(props: {
  list: L;
  state: Pick<ListState<S>, 'sort' | 'dir' | 'toggleSort'>;
  columns?: readonly ColumnId<L>[];
  /** Class per column id (e.g. `num` for amounts). */
  classes?: Partial<Record<ColumnId<L>, string>>;
  actions?: boolean;
}) {
  const { t } = useLocale();
  const defs = LIST_COLUMNS[props.list] as readonly { id: ColumnId<L>; label: string; sort?: S }[];
  const columns = props.columns;
  const shown = columns ? defs.filter((d) => columns.includes(d.id)) : defs;
  return (
    <thead>
      <tr>
        {shown.map((c) => {
          const active = c.sort !== undefined && props.state.sort === c.sort;
          const sortBy = c.sort;
          return (
            <th
              key={c.id}
              scope="col"
              className={props.classes?.[c.id]}
              aria-sort={active ? (props.state.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {sortBy !== undefined ? (
                <button type="button" className="sort-button" onClick={() => props.state.toggleSort(sortBy)}>
                  {t(c.label)}
                  <span aria-hidden="true" className={`sort-mark${active ? ' active' : ''}`}>
                    {active ? (props.state.dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                t(c.label)
              )}
            </th>
          );
        })}
        {props.actions ? (
          <th scope="col" className="actions-col">
            <span className="visually-hidden">{t('lists.actions')}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
