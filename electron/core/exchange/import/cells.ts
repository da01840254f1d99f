import { problem, type RowProblem } from './entity.ts';
import { isBareYear, parseCountry, parseDate, text, type Cell } from './values.ts';

// Reading one cell of a row: the value, or a problem on its column and no value.

export function readDate(cell: Cell, field: string, problems: RowProblem[]): string | null {
  const d = parseDate(cell);
  if (d === null) problems.push(problem(field, isBareYear(cell) ? 'import.errors.yearOnly' : 'import.errors.date', { value: text(cell) }));
  return d ?? null;
}

export function readChoice<C extends string>(match: (cell: Cell) => C | null | undefined, cell: Cell, field: string, problems: RowProblem[]): C | null {
  const v = match(cell);
  if (v === null) problems.push(problem(field, 'import.errors.choice', { value: text(cell) }));
  return v ?? null;
}

export function readCountry(cell: Cell, field: string, problems: RowProblem[]): string | null {
  const c = parseCountry(cell);
  if (c === null) problems.push(problem(field, 'import.errors.country', { value: text(cell) }));
  return c ?? null;
}

/** Headers of the column that picks one of a partner's agreements by kind (visits, commitments, tasks). */
export const AGREEMENT_KIND_GUESSES = ['tipo de acuerdo', 'tipo de convenio', 'agreement kind', 'agreement type', 'tipo de acordo'];
