import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/contract/result.ts';
import { entityTables } from '../backup/inspect.ts';
import { dataTables, isMachineSetting, machineSettingsFilter, quote, tableRows } from './tables.ts';
import { checkCancelled, noJob, type JobControl } from '../app/job.ts';

export const EXPORT_FORMAT = 'twinning-desk-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * The whole database as one JSON document (see FORMAT.md). No timestamp inside:
 * the same data always gives the same bytes, so exports can be compared and
 * export → import → export is identical. One row per line, for diffs.
 */
export function exportJson(sqlite: Database.Database, job: JobControl = noJob()): string {
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  const parts: string[] = [`{"format":${JSON.stringify(EXPORT_FORMAT)},"formatVersion":${EXPORT_FORMAT_VERSION},"schemaVersion":${version},"tables":{`];
  const tables = dataTables(sqlite);
  tables.forEach((table, i) => {
    checkCancelled(job);
    job.onProgress(i, tables.length);
    const rows: string[] = [];
    for (const row of tableRows(sqlite, table)) rows.push(JSON.stringify(row));
    parts.push(
      `${i ? ',' : ''}\n${JSON.stringify(table.name)}:{"columns":${JSON.stringify(table.columns)},"rows":[${rows.length ? `\n${rows.join(',\n')}\n` : ''}]}`,
    );
  });
  parts.push('\n}}\n');
  return parts.join('');
}

type Document = { format: string; formatVersion: number; schemaVersion: number; tables: Record<string, { columns: string[]; rows: unknown[][] }> };

const refuse = (message: string, params?: Record<string, unknown>) =>
  new AppFailure({ kind: 'conflict', message: params ? `${message}|${JSON.stringify(params)}` : message });

function parseDocument(text: string): Document {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('exchange.json.notJson');
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    !('format' in doc) ||
    doc.format !== EXPORT_FORMAT ||
    !('tables' in doc) ||
    typeof doc.tables !== 'object' ||
    doc.tables === null
  ) {
    throw refuse('exchange.json.notOurs');
  }
  const version = 'formatVersion' in doc ? doc.formatVersion : undefined;
  if (version !== EXPORT_FORMAT_VERSION) throw refuse('exchange.json.formatVersion', { version: String(version) });
  // Its tables' rows are checked against the migrated schema as they are inserted.
  return doc as Document;
}

/** True when the file holds no records yet (only what migrations seed). */
export function isEmptyFile(sqlite: Database.Database): boolean {
  return entityTables(sqlite).every((t) => (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(t)}`).get() as { n: number }).n === 0);
}

/**
 * Loads an export into a file that has no records yet, in one transaction:
 * all of it or nothing. Ids are kept, so links between records survive.
 */
export function importJson(sqlite: Database.Database, text: string): Record<string, number> {
  const doc = parseDocument(text);
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (doc.schemaVersion > version) throw refuse('exchange.json.newer', { version: doc.schemaVersion, latest: version });
  if (!isEmptyFile(sqlite)) throw refuse('exchange.json.notEmpty');
  const tables = new Map(dataTables(sqlite).map((t) => [t.name, t]));
  for (const [name, data] of Object.entries(doc.tables)) {
    const table = tables.get(name);
    if (!table) throw refuse('exchange.json.unknownTable', { table: name });
    const unknown = data.columns.find((c) => !table.columns.includes(c));
    if (unknown) throw refuse('exchange.json.unknownColumn', { table: name, column: unknown });
    if (!Array.isArray(data.rows) || data.rows.some((r) => !Array.isArray(r) || r.length !== data.columns.length)) {
      throw refuse('exchange.json.badRows', { table: name });
    }
  }
  const counts: Record<string, number> = {};
  sqlite.transaction(() => {
    // Links are checked once, at commit, so tables can be filled in any order.
    sqlite.pragma('defer_foreign_keys = ON');
    const order = [...tables.values()].reverse();
    // Children first, both ways: deleting seeds, and inserting, so triggers that keep a parent's
    // running totals (deliveries → commitments) find no parent yet and the exported totals stand.
    // This machine's own settings (a backups folder) stay as they are, whatever the file says.
    const keepMachine = (table: string) => (table === 'settings' ? machineSettingsFilter : { where: '', params: [] });
    for (const table of order) {
      if (!doc.tables[table.name]) continue;
      const { where, params } = keepMachine(table.name);
      sqlite.prepare(`DELETE FROM ${quote(table.name)}${where}`).run(...params);
    }
    for (const table of order) {
      const data = doc.tables[table.name];
      if (!data) continue;
      const insert = sqlite.prepare(
        `INSERT INTO ${quote(table.name)} (${data.columns.map(quote).join(', ')}) VALUES (${data.columns.map(() => '?').join(', ')})`,
      );
      const key = table.name === 'settings' ? data.columns.indexOf('key') : -1;
      for (const row of data.rows) {
        if (key >= 0 && isMachineSetting(row[key])) continue;
        insert.run(...row.map(fromJson));
      }
    }
  })();
  for (const table of tables.values()) {
    const written = doc.tables[table.name];
    if (written) counts[table.name] = written.rows.length;
  }
  return counts;
}

function fromJson(value: unknown): unknown {
  if (value && typeof value === 'object' && '$base64' in value) return Buffer.from(String(value.$base64), 'base64');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') throw refuse('exchange.json.badValue');
  return value;
}
