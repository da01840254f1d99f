import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { dataTables, tableRows, type TableShape } from './tables.ts';
import { checkCancelled, noJob, type JobControl } from '../app/job.ts';

const BOM = '\uFEFF';

const cell = (v: unknown) => (v && typeof v === 'object' ? JSON.stringify(v) : v);

/** One CSV per table: UTF-8 with a BOM so Excel opens accents and Chinese right on a double click; CRLF lines. */
export function exportCsv(sqlite: Database.Database): { name: string; content: string }[] {
  return dataTables(sqlite).map((table) => ({ name: `${table.name}.csv`, content: csvOf(sqlite, table) }));
}

/** One table's CSV, or null when the file has no such table. */
export function exportCsvTable(sqlite: Database.Database, name: string): string | null {
  const table = dataTables(sqlite).find((t) => t.name === name);
  return table ? csvOf(sqlite, table) : null;
}

function csvOf(sqlite: Database.Database, table: TableShape): string {
  const rows = [...tableRows(sqlite, table)].map((r) => r.map(cell));
  return BOM + Papa.unparse({ fields: table.columns, data: rows }, { newline: '\r\n' }) + '\r\n';
}

/** One workbook, one sheet per table, header row frozen; dates stay ISO text so nothing shifts by a time zone. */
export async function exportXlsx(sqlite: Database.Database, job: JobControl = noJob()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Twinning Desk';
  const tables = dataTables(sqlite);
  for (const [i, table] of tables.entries()) {
    checkCancelled(job);
    job.onProgress(i, tables.length);
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of tableRows(sqlite, table)) sheet.addRow(row.map(cell));
    sheet.columns.forEach((c) => (c.width = 16));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
