import fs from 'node:fs';
import path from 'node:path';
import { backupsDir } from '../../backup/folder.ts';
import { restoreFile } from '../../backup/restore.ts';
import { chosenBackupDir } from '../../backup/service.ts';
import { openReadOnly } from '../../backup/inspect.ts';
import { openDatabase } from '../../db/open.ts';
import { dbOption, defineCommand } from '../command.ts';

/** The backups folder of an existing file as its settings say, without opening it for writing. */
function folderOf(file: string): string {
  if (!fs.existsSync(file)) return backupsDir(file);
  try {
    const sqlite = openReadOnly(file);
    try {
      return backupsDir(file, chosenBackupDir(sqlite));
    } finally {
      sqlite.close();
    }
  } catch {
    return backupsDir(file);
  }
}

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'cli.restore.summary',
  options: { db: dbOption, from: { type: 'string', summary: 'cli.restore.from', required: true, value: 'FILE' } },
  help: ['cli.restore.help'],
  async run(args, io) {
    const { asideCopy } = await restoreFile(args.db, args.from, folderOf(args.db), new Date());
    // Opening migrates a restored copy from an older version (taking its own copy first).
    const opened = await openDatabase(args.db);
    await opened.close();
    if (asideCopy) io.out(io.t('cli.restore.aside', { file: asideCopy }));
    io.out(io.t('cli.restore.done', { file: path.resolve(args.db), from: path.resolve(args.from) }));
  },
});
