import Papa from 'papaparse';
import type { CsvEncoding } from '../../../../shared/contract/imports.ts';
import { AppFailure } from '../../../../shared/contract/result.ts';
import { restoreFormulaText } from '../csv-formulas.ts';
import { readFirstSheet, XlsxRefused, type XlsxRefusal } from '../xlsx/read.ts';
import { decodeCsv, detectEncoding } from './encoding.ts';
import { cellTooLong, columnName, SHEET_LIMITS, tooManyColumns, tooManyRows } from './limits.ts';
import { text, type Cell } from './values.ts';

/** A sheet as the importer sees it; `encoding` is the one a CSV was read in (null for a workbook). */
export type Sheet = { headers: string[]; rows: { line: number; cells: Cell[] }[]; encoding: CsvEncoding | null };

export type ReadSheetOptions = {
  /** A CSV's encoding as the user chose it; absent = detect. */
  encoding?: CsvEncoding | undefined;
  /** Called now and then with the number of rows read so far, for a progress bar. */
  onRows?: (rowsRead: number) => void;
};

const refuse = (message: string) => new AppFailure({ kind: 'conflict', message });

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function fromGrid(grid: { line: number; cells: Cell[] }[], encoding: CsvEncoding | null): Sheet {
  const nonBlank = grid.filter((r) => !isBlank(r.cells));
  if (nonBlank.length > SHEET_LIMITS.rows + 1) throw tooManyRows(nonBlank.length - 1);
  for (const { line, cells } of nonBlank) {
    if (cells.length > SHEET_LIMITS.columns) throw tooManyColumns(cells.length);
    cells.forEach((c, i) => {
      if (typeof c === 'string' && c.length > SHEET_LIMITS.cellChars) throw cellTooLong(line, columnName(i), c.length);
    });
  }
  const header = nonBlank.shift();
  if (!header) throw refuse('import.errors.emptyFile');
  const headers = header.cells.map((c, i) => text(c) || `#${i + 1}`);
  return { headers, rows: nonBlank, encoding };
}

export function readCsv(bytes: Buffer, options: ReadSheetOptions = {}): Sheet {
  const encoding = options.encoding ?? detectEncoding(bytes);
  // Excel in Spanish or Portuguese separates with ';': let papaparse detect it.
  const parsed = Papa.parse<string[]>(decodeCsv(bytes, encoding), { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  options.onRows?.(parsed.data.length);
  return fromGrid(
    parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : restoreFormulaText(c))) })),
    encoding,
  );
}

function refusalMessage(refusal: XlsxRefusal): AppFailure {
  switch (refusal.reason) {
    case 'notSpreadsheet':
      return refuse('import.errors.notSpreadsheet');
    case 'empty':
      return refuse('import.errors.emptyFile');
    case 'tooManyColumns':
      return tooManyColumns(refusal.columns);
    case 'tooManyRows':
      return tooManyRows(refusal.rows);
    case 'cellTooLong':
      return cellTooLong(refusal.line, columnName(refusal.column), refusal.chars);
    case 'tooLarge':
      return refuse(`import.errors.unpackedTooLarge|${JSON.stringify({ max: Math.round(refusal.max / 1024 / 1024) })}`);
  }
}

export function readXlsx(bytes: Buffer, options: ReadSheetOptions = {}): Sheet {
  try {
    return fromGrid(readFirstSheet(bytes, { limits: SHEET_LIMITS, onRows: options.onRows }), null);
  } catch (error) {
    throw error instanceof XlsxRefused ? refusalMessage(error.refusal) : error;
  }
}

/** The sheet in a file the user chose: a workbook's first sheet with anything in it, or a CSV. Refusals are AppFailures with a message. */
export function readSheet(fileName: string, bytes: Buffer, options: ReadSheetOptions = {}): Sheet {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(bytes, options);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(bytes, options);
  throw refuse('import.errors.fileType');
}
