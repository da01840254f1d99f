import { sql, type RawBuilder } from 'kysely';
import { first } from '../../../shared/narrow.ts';

export type SortDir = 'asc' | 'desc';
type Term = [RawBuilder<unknown>, SortDir];

/**
 * ORDER BY terms for a list sorted by one column: blanks last whichever the direction (an officer
 * sorting by e-mail wants the people who have one first), then the column, then the row's id in
 * the same direction, so ties keep one order from page to page (paging by offset needs that).
 */
export function sortTerms(column: RawBuilder<unknown> | RawBuilder<unknown>[], dir: SortDir, id: string, blanks?: RawBuilder<unknown>): Term[] {
  const columns = Array.isArray(column) ? column : [column];
  const lead = first(columns, 'a sort column'); // callers pass at least one column
  const blank: Term[] = [[sql`(${blanks ?? lead} IS NULL OR ${blanks ?? lead} = '')`, 'asc']];
  return [...blank, ...columns.map((c): Term => [c, dir]), [sql.ref(id), dir]];
}
