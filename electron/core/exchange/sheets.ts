import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import { FORMULA_START } from './csv-formulas.ts';
import { dataTables, tableRows, type TableShape } from './tables.ts';
import { writeWorkbook } from './xlsx/write.ts';
import { checkCancelled, noJob, type JobControl } from '../app/job.ts';

const BOM = '\uFEFF';

const cell = (v: unknown) => (v && typeof v === 'object' ? JSON.stringify(v) : v);

/** What a person sees a table called, in files and sheets: `t('exchange.entity.<table>')` ("Entregas"), never its identifier. */
export type TableLabel = (table: string) => string;
export const tableLabel =
  (t: (key: string) => string): TableLabel =>
  (table) =>
    t(`exchange.entity.${table}`);

/** One CSV per table, named as the office calls it: UTF-8 with a BOM so Excel opens accents and Chinese right on a double click; CRLF lines; text that a spreadsheet would run as a formula quoted (csv-formulas.ts). */
export function exportCsv(sqlite: Database.Database, label: TableLabel): { name: string; content: string }[] {
  return dataTables(sqlite).map((table) => ({ name: `${label(table.name)}.csv`, content: csvOf(sqlite, table) }));
}

/** One table's CSV, or null when the file has no such table. */
export function exportCsvTable(sqlite: Database.Database, name: string): string | null {
  const table = dataTables(sqlite).find((t) => t.name === name);
  return table ? csvOf(sqlite, table) : null;
}

function csvOf(sqlite: Database.Database, table: TableShape): string {
  return csvOfRows(
    table.columns,
    [...tableRows(sqlite, table)].map((r) => r.map(cell)),
  );
}

/** Our one CSV shape: UTF-8 with a BOM, CRLF lines, text a spreadsheet would run as a formula neutralised. */
export function csvOfRows(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n';
}

/** One workbook, one sheet per table named as the office calls it, header row frozen; dates stay ISO text so nothing shifts by a time zone. */
export async function exportXlsx(sqlite: Database.Database, sheetName: TableLabel, job: JobControl = noJob()): Promise<Buffer> {
  const tables = dataTables(sqlite);
  return writeWorkbook(
    tables.map((table, i) => {
      checkCancelled(job);
      job.onProgress(i, tables.length);
      return { name: sheetName(table.name), columns: table.columns, rows: [...tableRows(sqlite, table)].map((r) => r.map(cell)) };
    }),
  );
}
