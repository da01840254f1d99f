import fs from 'node:fs';
import path from 'node:path';
import { backupsDir, listBackupFiles, type BackupEntry } from './folder.ts';
import { inspectFile, openReadOnly } from './inspect.ts';
import { chosenBackupDir } from './service.ts';

/** The backups folder of a file that may be too damaged to read its settings: the chosen one if readable, else the default. */
function folderOf(dbPath: string): string {
  try {
    const sqlite = openReadOnly(dbPath);
    try {
      return backupsDir(dbPath, chosenBackupDir(sqlite));
    } finally {
      sqlite.close();
    }
  } catch {
    return backupsDir(dbPath);
  }
}

/** The newest backup that is ours and passes SQLite's check. */
export function latestGoodBackup(dbPath: string): BackupEntry | null {
  for (const entry of listBackupFiles(dbPath, folderOf(dbPath))) {
    try {
      const report = inspectFile(entry.file, { quick: true });
      if (report.ours && report.integrity.join() === 'ok' && report.schemaVersion <= report.latestVersion) return entry;
    } catch {
      // A damaged backup is skipped; an older one may be fine.
    }
  }
  return null;
}

/**
 * After a damaged file was found at start-up and the user agreed: the damaged
 * file (with its -wal and -shm) is renamed aside, never overwritten or deleted,
 * and the latest good backup is copied into its place.
 */
export function recoverFromBackup(dbPath: string, at = new Date()): { aside: string; restoredFrom: string } | null {
  const backup = latestGoodBackup(dbPath);
  if (!backup) return null;
  const aside = `${dbPath}.damaged-${at.toISOString().replace(/[-:.]/g, '')}`;
  fs.renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, aside + suffix);
  const temp = `${dbPath}.restoring`;
  fs.copyFileSync(backup.file, temp);
  fs.renameSync(temp, dbPath);
  return { aside: path.resolve(aside), restoredFrom: backup.file };
}
