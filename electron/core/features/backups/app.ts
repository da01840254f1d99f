import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupStatus } from '../../../../shared/contract/backups.ts';
import { fieldError, notFound } from '../../../../shared/contract/result.ts';
import type { Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { backupsDir, canWriteIn, listBackupFiles, type BackupEntry } from '../../backup/folder.ts';
import { countRows, entityTables, openReadOnly } from '../../backup/inspect.ts';
import { restoreFile } from '../../backup/restore.ts';
import { BACKUP_DIR_SETTING, backupsDirFor, chosenBackupDir, takeBackup } from '../../backup/service.ts';

function describe(entry: BackupEntry): BackupInfo {
  let counts: Record<string, number> | null = null;
  try {
    const sqlite = openReadOnly(entry.file);
    try {
      counts = countRows(sqlite, entityTables(sqlite));
    } finally {
      sqlite.close();
    }
  } catch {
    counts = null;
  }
  return { name: entry.name, at: entry.at.toISOString(), kind: entry.kind, bytes: entry.bytes, counts };
}

function status(ctx: Ctx): BackupStatus {
  const { sqlite, path: dbPath } = ctx.opened;
  const dir = backupsDirFor(sqlite, dbPath);
  return {
    dir,
    defaultDir: backupsDir(dbPath),
    custom: chosenBackupDir(sqlite) !== null,
    startupError: ctx.file.startupBackup.error,
    entries: listBackupFiles(dbPath, dir).map(describe),
  };
}

/** A folder is usable if we can create it and write a file in it (a USB stick that is gone is not). */
function checkWritable(dir: string) {
  if (!path.isAbsolute(dir)) throw fieldError(['dir'], 'backups.folderNotAbsolute');
  if (!canWriteIn(dir)) throw fieldError(['dir'], 'backups.folderNotWritable', { dir });
}

export const backupHandlers: Handlers<'backups.list' | 'backups.now' | 'backups.restore' | 'backups.setFolder' | 'backups.openFolder'> = {
  'backups.list': async (_input, ctx) => status(ctx),
  /** Opens the backups folder in the system's file manager (desktop); the browser build is told where it is. */
  'backups.openFolder': async (_input, ctx) => {
    const dir = backupsDirFor(ctx.opened.sqlite, ctx.opened.path);
    if (!ctx.openPath) return { opened: false, dir };
    if (!fs.existsSync(dir)) throw fieldError(['dir'], 'firstrun.backups.folderMissing', { dir });
    return { opened: (await ctx.openPath(dir)) === '', dir };
  },
  'backups.now': async (_input, ctx) => {
    const { sqlite, path: dbPath } = ctx.opened;
    const copy = await takeBackup(sqlite, dbPath, 'manual', ctx.now(), ctx.job);
    const entry = listBackupFiles(dbPath, backupsDirFor(sqlite, dbPath)).find((e) => e.file === copy.file);
    if (!entry) throw notFound('backup', path.basename(copy.file));
    return describe(entry);
  },
  'backups.restore': async ({ name }, ctx) => {
    const { sqlite, path: dbPath } = ctx.opened;
    const dir = backupsDirFor(sqlite, dbPath);
    const entry = listBackupFiles(dbPath, dir).find((e) => e.name === name);
    if (!entry) throw notFound('backup', name);
    let asideCopy: string | null = null;
    await ctx.file.replace(async (file) => {
      ({ asideCopy } = await restoreFile(file, entry.file, dir, ctx.now(), ctx.job));
    });
    return { restored: entry.name, asideCopy: asideCopy ? path.basename(asideCopy) : null };
  },
  'backups.setFolder': mutation(async ({ dir }, ctx) => {
    const before = chosenBackupDir(ctx.opened.sqlite);
    if (dir) checkWritable(dir);
    if (dir) {
      const value = JSON.stringify(path.resolve(dir));
      await ctx.db
        .insertInto('settings')
        .values({ key: BACKUP_DIR_SETTING, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    } else await ctx.db.deleteFrom('settings').where('key', '=', BACKUP_DIR_SETTING).execute();
    await ctx.audit('settings', 0, 'update', { backupDir: before }, { backupDir: dir ? path.resolve(dir) : null });
    return { ...status(ctx), dir: dir ? path.resolve(dir) : backupsDir(ctx.opened.path), custom: dir !== null };
  }),
};
