import fs from 'node:fs';
import path from 'node:path';
import { checkRestorable } from '../../backup/restore.ts';
import { onlineBackup } from '../../backup/online.ts';
import { formatNumber } from '../../../../shared/format.ts';
import { CliError, dbOption, defineCommand } from '../command.ts';

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'cli.backup.summary',
  options: { db: dbOption, out: { type: 'string', summary: 'cli.backup.out', required: true, value: 'FILE' } },
  help: ['cli.backup.help'],
  async run(args, io) {
    checkRestorable(args.db);
    if (path.resolve(args.out) === path.resolve(args.db)) throw new CliError('backups.sameFile');
    if (fs.existsSync(args.out)) throw new CliError('cli.backup.exists', { file: args.out });
    const result = await onlineBackup(args.db, args.out);
    const mb = result.bytes / 1e6;
    io.out(
      io.t('cli.backup.done', {
        file: path.resolve(result.file),
        size: formatNumber(Math.round(mb * 10) / 10, io.locale),
        seconds: formatNumber(Math.round(result.ms / 10) / 100, io.locale),
      }),
    );
  },
});
