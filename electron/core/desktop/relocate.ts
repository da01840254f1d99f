// Moving the data file to another folder: once from Roaming to Local AppData on Windows,
// and when the user chooses a folder in Settings. The file travels with what lives beside
// it (attachments/, backups/); the copy is SQLite's online backup, checked before it gets
// its name, and the source is never deleted.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupsDir } from '../backup/folder.ts';
import { onlineBackup } from '../backup/online.ts';
import { chosenBackupDir, takeBackup } from '../backup/service.ts';
import { attachmentsDir } from '../features/attachments/store.ts';
import type { LegacyMove } from '../rules/data-location.ts';

/**
 * Copies an open data file to `toFile`, with its attachments and (when they are in the default place beside it) its
 * backups. Refuses to overwrite an existing data file. The caller switches to the new file; the old one stays as it was.
 */
export async function copyDataFile(sqlite: Database.Database, fromFile: string, toFile: string): Promise<void> {
  if (fs.existsSync(toFile)) throw Object.assign(new Error('A data file is already there'), { code: 'EEXIST' });
  fs.mkdirSync(path.dirname(toFile), { recursive: true });
  // Files beside the data file first: if one fails, no data file has appeared in the new place yet.
  const copyFolder = (from: string, to: string) => {
    if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true, force: false, errorOnExist: false, preserveTimestamps: true });
  };
  copyFolder(attachmentsDir(fromFile), attachmentsDir(toFile));
  if (!chosenBackupDir(sqlite)) copyFolder(backupsDir(fromFile), backupsDir(toFile));
  await onlineBackup(sqlite, toFile);
}

/** Where the Roaming file goes once moved, kept whole under a name no version opens. */
export const movedAside = (file: string) => `${file}.moved-to-local`;

/**
 * The one-time move to Local AppData: a backup of the file in its own backups folder first, then the copy,
 * then the old file renamed aside (kept, never opened again). Returns the backup taken.
 */
export async function moveLegacyDataFile(move: LegacyMove, now: Date): Promise<{ backup: string }> {
  const sqlite = new Database(move.from, { fileMustExist: true });
  let backup: string;
  try {
    backup = (await takeBackup(sqlite, move.from, 'before-move', now)).file;
    await copyDataFile(sqlite, move.from, move.to);
  } finally {
    sqlite.close();
  }
  fs.renameSync(move.from, movedAside(move.from));
  return { backup };
}
