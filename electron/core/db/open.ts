import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations as allMigrations, type Migration } from '../../../migrations/index.ts';
import { backupName } from '../backup/folder.ts';
import { backupsDirFor } from '../backup/service.ts';
import type { DB } from './schema.ts';
import { messageOf } from '../app/error-info.ts';

/** 'TWND': marks a file as ours, so a random SQLite file is refused, not migrated. */
export const APPLICATION_ID = 0x54574e44;

export type OpenFailure = 'newer_schema' | 'not_ours' | 'not_database' | 'cannot_open' | 'damaged' | 'no_folder' | 'read_only';

export class DatabaseOpenError extends Error {
  readonly reason: OpenFailure;
  readonly params: Record<string, string | number>;
  constructor(reason: OpenFailure, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.reason = reason;
    this.params = params;
  }
}

export type OpenedDatabase = {
  path: string;
  sqlite: Database.Database;
  db: Kysely<DB>;
  schemaVersion: number;
  /** Copy taken before pending migrations ran, if any ran on an existing file. */
  preMigrationCopy: string | null;
  close(): Promise<void>;
};

type OpenOptions = {
  migrations?: readonly Migration[];
  now?: () => Date;
  /** The app at start-up: run SQLite's quick_check first, so a damaged file is caught before it is used or backed up. */
  verify?: boolean;
};

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? allMigrations;
  const now = options.now ?? (() => new Date());
  const latest = migrations.at(-1)?.version ?? 0;
  refuseUnwritable(file);
  const existing = inspectExisting(file, latest);
  if (options.verify && existing.version > 0) verifyIntact(file);

  const sqlite = new Database(file);
  let preMigrationCopy: string | null = null;
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // By the versions recorded, not by the highest one: migrations numbered in
    // parallel may land out of order (0004 before 0002), and none may be skipped.
    const pending = migrations.filter((m) => !existing.applied.has(m.version));
    if (pending.length > 0 && existing.version > 0) {
      preMigrationCopy = copyBeforeMigrating(sqlite, file, existing.version, now());
    }
    for (const migration of pending) runMigration(sqlite, migration, now());
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    path: path.resolve(file),
    sqlite,
    db,
    schemaVersion: latest,
    preMigrationCopy,
    // Kysely only closes the handle if it ever opened a connection; make sure it is closed.
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * Kysely's SQLite driver prepares every statement anew; a list screen runs the
 * same few statements over and over, so reuse them (bounded, oldest dropped).
 */
function withStatementCache(sqlite: Database.Database, size = 256) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      // Every Kysely transaction here is a mutation: it takes the write lock at BEGIN and
      // waits its turn behind another process's write. A deferred BEGIN that reads first
      // would fail at its first write, without waiting, once another process wrote meanwhile.
      const sql = text === 'begin' ? 'begin immediate' : text;
      // On a full disk (SQLITE_FULL) or an I/O error SQLite has already rolled the transaction back;
      // Kysely's own ROLLBACK would then fail ("no transaction is active") and hide the real error.
      if (sql === 'rollback' && !sqlite.inTransaction) return sqlite.prepare('SELECT 1 WHERE 0');
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export const writable = (target: string) => {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * A missing folder or a read-only file or folder, said as such before SQLite
 * tries (it would call the first "unable to open" and a read-only WAL file "not a database").
 */
function refuseUnwritable(file: string) {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder)) throw new DatabaseOpenError('no_folder', `The folder ${folder} does not exist.`, { folder });
  // SQLite writes its -wal and -shm files beside the data file, so the folder must be writable too.
  if (!writable(folder) || (fs.existsSync(file) && !writable(file))) {
    throw new DatabaseOpenError('read_only', `${file} or its folder is read-only.`, { file });
  }
}

/** Reads the file without writing to it, so a refused file is left exactly as it was. */
function inspectExisting(file: string, latest: number): { version: number; applied: Set<number> } {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return { version: 0, applied: new Set() };
  let probe: Database.Database;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DatabaseOpenError('cannot_open', `Cannot open ${file}: ${messageOf(error)}`, { file });
  }
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.n > 0)) {
      throw new DatabaseOpenError('not_ours', `${file} is not a Twinning Desk data file.`, { file });
    }
    if (version > latest) {
      throw new DatabaseOpenError(
        'newer_schema',
        `${file} was written by a newer version of Twinning Desk (data version ${version}; this app reads up to ${latest}). ` +
          'Install the newer app to open it. The file was not changed.',
        { file, version, latest },
      );
    }
    const recorded = probe.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get()
      ? (probe.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version)
      : [];
    return { version, applied: new Set(recorded) };
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError('not_database', `${file} is damaged or not a database: ${messageOf(error)}`, { file });
  } finally {
    probe.close();
  }
}

/** Refuses a file whose pages SQLite finds damaged; the file is only read, never changed. */
function verifyIntact(file: string) {
  let verdict: string;
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    verdict = String(probe.pragma('quick_check(1)', { simple: true }));
  } catch (error) {
    verdict = messageOf(error);
  } finally {
    probe.close();
  }
  if (verdict !== 'ok') throw new DatabaseOpenError('damaged', `${file} is damaged: ${verdict}`, { file });
}

function copyBeforeMigrating(sqlite: Database.Database, file: string, fromVersion: number, at: Date): string {
  // The same folder and naming as every other backup, so Settings lists it and rotation sees it.
  const dir = backupsDirFor(sqlite, file);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, backupName(file, at, 'before-migration', `-v${fromVersion}`));
  // VACUUM INTO writes a consistent, compact copy from inside SQLite.
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}

function runMigration(sqlite: Database.Database, migration: Migration, at: Date) {
  sqlite.transaction(() => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    migration.up(sqlite);
    sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, at.toISOString());
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    sqlite.pragma(`user_version = ${Math.max(current, migration.version)}`);
  })();
}
