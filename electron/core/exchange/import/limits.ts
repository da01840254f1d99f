import { AppFailure } from '../../../../shared/contract/result.ts';

/**
 * What one imported sheet may hold. A file past any of these is refused with a
 * message that says which limit and by how much, before it can take the memory
 * or the minutes of the process that answers the window.
 * Columns: a few dozen in any office's sheet; 256 was Excel's own limit for decades.
 * Cell: Excel's own limit for the text of a cell.
 */
export const SHEET_LIMITS = { rows: 50_000, columns: 256, cellChars: 32_767 } as const;

const refuse = (key: string, params: Record<string, unknown>) => new AppFailure({ kind: 'conflict', message: `${key}|${JSON.stringify(params)}` });

export const tooManyColumns = (columns: number) => refuse('import.errors.tooManyColumns', { columns, max: SHEET_LIMITS.columns });
export const tooManyRows = (rows: number) => refuse('import.errors.tooManyRows', { rows, max: SHEET_LIMITS.rows });
export const cellTooLong = (line: number, column: string, chars: number) =>
  refuse('import.errors.cellTooLong', { line, column, chars, max: SHEET_LIMITS.cellChars });

/** A column's letters as the spreadsheet shows them: 0 → A, 26 → AA, 16383 → XFD. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
