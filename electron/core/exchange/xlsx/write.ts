import { present } from '../../../../shared/narrow.ts';
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';

// Plain sheets out: a bold header row that stays in view, then the values as
// they are. Text is written as text, so a value that starts with "=" is never
// a formula in the file. The sheets' names come from the caller (translated).
// A value the reader's spreadsheet should compute with, shown the office's way,
// comes as a Shown: a number or a day with its number format (./formats.ts).

/** A number, or a day (a Date at UTC midnight), written as such and shown through `format`, an Excel number format. */
export class Shown {
  readonly value: number | Date;
  readonly format: string;
  constructor(value: number | Date, format: string) {
    this.value = value;
    this.format = format;
  }
}

export type PlainSheet = { name: string; columns: readonly string[]; rows: Iterable<readonly unknown[]> };

const COLUMN_WIDTH = 16;

/** Excel's rules for a sheet's name: at most 31 characters, none of : \ / ? * [ ], not starting or ending with ', unique in the book (case-insensitive). */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((wanted) => {
    const base =
      wanted
        .replace(/[:\\/?*[\]]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLocaleLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLocaleLowerCase());
    return name;
  });
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Shown)
    return value.value instanceof Date ? { value: value.value, type: Date, format: value.format } : { value: value.value, type: Number, format: value.format };
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : { value: String(value), type: String };
  if (typeof value === 'bigint') return { value: value.toString(), type: String };
  if (typeof value === 'boolean') return { value, type: Boolean };
  if (value instanceof Date) return { value: value.toISOString(), type: String };
  return { value: typeof value === 'string' ? value : JSON.stringify(value), type: String };
}

export async function writeWorkbook(sheets: readonly PlainSheet[]): Promise<Buffer> {
  const names = sheetNames(sheets.map((s) => s.name));
  const out: Sheet<Buffer>[] = sheets.map((sheet, i) => {
    const data: Cell[][] = [sheet.columns.map((c) => ({ value: c, type: String, fontWeight: 'bold' as const }))];
    for (const row of sheet.rows) data.push(row.map(cellOf));
    return { data, sheet: present(names[i], 'a name for each sheet'), stickyRowsCount: 1, columns: sheet.columns.map(() => ({ width: COLUMN_WIDTH })) };
  });
  return writeXlsxFile(out).toBuffer();
}
