import Database from 'better-sqlite3';
import { migrations } from '../../../migrations/index.ts';
import { first } from '../../../shared/narrow.ts';
import { APPLICATION_ID } from '../db/open.ts';
import { missingAttachmentFiles } from './attachment-files.ts';
import type { FileCheck, Finding } from './checks.ts';

export type FileReport = {
  file: string;
  ours: boolean;
  schemaVersion: number;
  latestVersion: number;
  /** 'ok', or the problems SQLite's integrity_check lists. */
  integrity: string[];
  foreignKeyProblems: { table: string; rowid: number | null; parent: string }[];
  /** Rows per table, every table of the file (so tables added by later migrations show up too). */
  counts: Record<string, number>;
  /** Problems found by feature checks (e.g. attachment files missing on disk): i18n keys with params. */
  findings: Finding[];
};

/** A feature's own check of a file, e.g. that every attachment's file is still on disk. */

// Features with files or invariants outside SQLite's own checks add one line here.
export const fileChecks: FileCheck[] = [missingAttachmentFiles];

const INFRASTRUCTURE = new Set(['settings', 'schema_migrations', 'audit_log', 'users']);

/** The file's user tables, in creation order, from the schema itself. */
export function tableNames(sqlite: Database.Database): string[] {
  return (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/** Tables holding records a person would count (they carry created_at), for backup lists and summaries. */
export function entityTables(sqlite: Database.Database): string[] {
  return tableNames(sqlite).filter(
    (t) => !INFRASTRUCTURE.has(t) && (sqlite.prepare(`SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = 'created_at'`).get(t) as { n: number }).n > 0,
  );
}

export function countRows(sqlite: Database.Database, tables: string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Everything `check` reports, read without writing a byte to the file. */
export function inspectFile(file: string, options: { quick?: boolean } = {}): FileReport {
  const sqlite = openReadOnly(file);
  try {
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const report: FileReport = {
      file,
      ours: appId === APPLICATION_ID,
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      latestVersion: migrations.at(-1)?.version ?? 0,
      integrity: [],
      foreignKeyProblems: [],
      counts: {},
      findings: [],
    };
    report.integrity = (sqlite.pragma(options.quick ? 'quick_check' : 'integrity_check') as Record<string, string>[]).map((r) =>
      first(Object.values(r), "the check's column"),
    );
    if (report.integrity.join() !== 'ok') return report;
    report.foreignKeyProblems = (sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]).map((r) => ({
      table: r.table,
      rowid: r.rowid,
      parent: r.parent,
    }));
    report.counts = countRows(sqlite, tableNames(sqlite));
    if (report.ours) for (const check of fileChecks) report.findings.push(...check(sqlite, file));
    return report;
  } finally {
    sqlite.close();
  }
}

export const isHealthy = (r: FileReport) =>
  r.ours && r.integrity.join() === 'ok' && r.foreignKeyProblems.length === 0 && r.findings.length === 0 && r.schemaVersion <= r.latestVersion;
