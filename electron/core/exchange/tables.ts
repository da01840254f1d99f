import type Database from 'better-sqlite3';

export type TableShape = { name: string; columns: string[]; orderBy: string };

// Not data: the migration ledger is the file's version. Secret: the office's accounts and their
// password hashes never leave in an export, and an import can never bring in a login.
const SKIPPED_TABLES = new Set(['schema_migrations', 'users']);
/**
 * Settings that belong to one machine, not to the office's data: paths (the backups
 * folder). Never exported, never imported: a file from elsewhere must not choose where
 * this machine writes copies of its data. (Window state and the data file's own place
 * live outside the data file, in the desktop's prefs: core/desktop/prefs.ts.)
 */
const MACHINE_SETTINGS = new Set(['backupDir']);
export const isMachineSetting = (key: unknown) => typeof key === 'string' && MACHINE_SETTINGS.has(key);
/** The WHERE clause (and its parameters) that leaves machine settings out of a statement on `settings`. */
export const machineSettingsFilter = { where: ` WHERE key NOT IN (${[...MACHINE_SETTINGS].map(() => '?').join(', ')})`, params: [...MACHINE_SETTINGS] };

/**
 * Every data table of the file, read from its schema (so tables added by later
 * migrations are exported without touching this code), in creation order, with
 * its columns and a stable row order (primary key, else rowid).
 */
export function dataTables(sqlite: Database.Database): TableShape[] {
  const tables = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid`,
    )
    .all() as { name: string; sql: string }[];
  const shadow = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all() as { name: string }[]).map((v) => v.name),
  );
  return tables
    .filter((t) => !SKIPPED_TABLES.has(t.name) && ![...shadow].some((v) => t.name.startsWith(`${v}_`)))
    .map(({ name, sql }) => {
      const info = sqlite.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as { name: string; pk: number }[];
      const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test(sql.trim());
      const orderBy = pk.length ? pk.map((c) => quote(c.name)).join(', ') : withoutRowid ? info.map((c) => quote(c.name)).join(', ') : 'rowid';
      return { name, columns: info.map((c) => c.name), orderBy };
    });
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The rows of one table as arrays in column order; blobs become { $base64 } so JSON can carry them. */
export function* tableRows(sqlite: Database.Database, table: TableShape): Generator<unknown[]> {
  const { where, params } = table.name === 'settings' ? machineSettingsFilter : { where: '', params: [] };
  const stmt = sqlite.prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)}${where} ORDER BY ${table.orderBy}`).raw(true);
  for (const row of stmt.iterate(...params) as Iterable<unknown[]>) {
    yield row.map((v) => (Buffer.isBuffer(v) ? { $base64: v.toString('base64') } : v));
  }
}

type SettingRow = { key: string; value: string };

/** This machine's own settings as stored in a file; none when the file cannot be read (damaged, missing). */
export function readMachineSettings(sqlite: Database.Database): SettingRow[] {
  try {
    const { params } = machineSettingsFilter;
    return sqlite.prepare(`SELECT key, value FROM settings WHERE key IN (${params.map(() => '?').join(', ')})`).all(...params) as SettingRow[];
  } catch {
    return [];
  }
}

/** Puts this machine's settings back after the file's content came from elsewhere (a restore), in one transaction. */
export function writeMachineSettings(sqlite: Database.Database, rows: SettingRow[]) {
  const { params } = machineSettingsFilter;
  sqlite.transaction(() => {
    sqlite.prepare(`DELETE FROM settings WHERE key IN (${params.map(() => '?').join(', ')})`).run(...params);
    const insert = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (const row of rows) insert.run(row.key, row.value);
  })();
}
