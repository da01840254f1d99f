import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppFailure } from '../../../../shared/contract/result.ts';
import { cellTooLong, columnName, SHEET_LIMITS, tooManyColumns, tooManyRows } from './limits.ts';
import type { Cell } from './values.ts';

export type Sheet = { headers: string[]; rows: { line: number; cells: Cell[] }[] };

const refuse = (message: string) => new AppFailure({ kind: 'conflict', message });

/**
 * CSV text from bytes: UTF-8 with or without a BOM; anything that is not valid
 * UTF-8 is taken as Windows-1252, which is what Excel writes for "CSV" on a
 * Spanish or Portuguese Windows.
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function fromGrid(grid: { line: number; cells: Cell[] }[]): Sheet {
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
  const headers = header.cells.map((c, i) => (c === null ? '' : String(c).trim()) || `#${i + 1}`);
  return { headers, rows: nonBlank };
}

export function readCsv(bytes: Buffer): Sheet {
  // Excel in Spanish or Portuguese separates with ';': let papaparse detect it.
  const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  return fromGrid(parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) })));
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse('import.errors.notSpreadsheet');
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) throw refuse('import.errors.emptyFile');
  // Only the cells the file holds: one stray value in column XFD must not make every row 16,384 cells wide.
  if (sheet.actualColumnCount > SHEET_LIMITS.columns) throw tooManyColumns(sheet.columnCount);
  if (sheet.actualRowCount > SHEET_LIMITS.rows + 1) throw tooManyRows(sheet.actualRowCount);
  const grid: { line: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > SHEET_LIMITS.columns) throw tooManyColumns(sheet.columnCount);
      cells[column - 1] = cellValue(cell.value);
    });
    grid.push({ line, cells: Array.from(cells, (c) => c ?? null) });
  });
  return fromGrid(grid);
}

export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(bytes);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(bytes);
  throw refuse('import.errors.fileType');
}
