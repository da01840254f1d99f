import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupName, backupsDir, listBackupFiles, removeStalePartials, rotateBackups, type BackupEntry, type BackupKind } from './folder.ts';
import { onlineBackup, type CopyResult } from './online.ts';
import type { JobControl } from '../app/job.ts';

export const BACKUP_DIR_SETTING = 'backupDir';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The folder chosen in Settings, read straight from the file (also usable before services exist). */
export function chosenBackupDir(sqlite: Database.Database): string | null {
  try {
    const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_DIR_SETTING) as { value: string } | undefined;
    const value = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof value === 'string' && value ? value : null;
  } catch {
    return null;
  }
}

export const backupsDirFor = (sqlite: Database.Database, dbPath: string) => backupsDir(dbPath, chosenBackupDir(sqlite));

/** One backup of an open database into its backups folder, then rotation. */
export async function takeBackup(sqlite: Database.Database, dbPath: string, kind: BackupKind, at: Date, job?: JobControl): Promise<CopyResult> {
  const dir = backupsDirFor(sqlite, dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const result = await onlineBackup(sqlite, path.join(dir, backupName(dbPath, at, kind)), job);
  rotateBackups(dbPath, dir);
  return result;
}

/**
 * At start-up: clears copies a killed process left half-written, then backs up
 * when the newest backup is more than a day old (or there is none). A copy
 * dated in the future (a clock set wrong once, a file from another computer)
 * does not count as recent, or it would stop automatic backups until that date.
 */
export async function backupIfDue(sqlite: Database.Database, dbPath: string, now: Date): Promise<CopyResult | null> {
  const dir = backupsDirFor(sqlite, dbPath);
  removeStalePartials(dbPath, dir, now);
  const newest: BackupEntry | undefined = listBackupFiles(dbPath, dir).find((e) => e.at.getTime() <= now.getTime());
  if (newest && now.getTime() - newest.at.getTime() < DAY_MS) return null;
  return takeBackup(sqlite, dbPath, 'auto', now);
}
